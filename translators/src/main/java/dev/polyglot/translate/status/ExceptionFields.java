package dev.polyglot.translate.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.polyglot.translate.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * Reads or writes the one string field of an exception value that the error model cares about
 * (its message), in any wire format, without a schema-driven transcoder: a scan that skips every
 * other field. Only the top level of the value is looked at.
 */
final class ExceptionFields {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private ExceptionFields() {}

  /** The string at {@code field}, or empty when the value lacks it or cannot be scanned. */
  static Optional<String> readString(WireFormat format, byte[] value, DeclaredException.MessageField field) {
    try {
      return switch (format) {
        case THRIFT_BINARY, THRIFT_COMPACT -> readThrift(format, value, field.id());
        case PROTOBUF -> readProtobuf(value, field.id());
        case THRIFT_JSON, PROTO_JSON -> readJson(value, field);
      };
    } catch (IOException | TException | RuntimeException e) {
      return Optional.empty(); // the message is a courtesy; the detail still carries the value
    }
  }

  /** A value with only {@code field} set to {@code text}; an empty struct when there is no field. */
  static byte[] writeString(WireFormat format, Optional<DeclaredException.MessageField> field, String text) {
    try {
      return switch (format) {
        case THRIFT_BINARY, THRIFT_COMPACT -> writeThrift(format, field, text);
        case PROTOBUF -> writeProtobuf(field, text);
        case THRIFT_JSON, PROTO_JSON -> writeJson(format, field, text);
      };
    } catch (IOException | TException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
  }

  private static Optional<String> readThrift(WireFormat format, byte[] value, int id) throws TException {
    TProtocol in = protocol(format, new TMemoryInputTransport(value));
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.id == id && f.type == TType.STRING) return Optional.of(in.readString());
      TProtocolUtil.skip(in, f.type);
      in.readFieldEnd();
    }
    return Optional.empty();
  }

  private static byte[] writeThrift(WireFormat format, Optional<DeclaredException.MessageField> field, String text) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(32 + text.length() * 3);
    TProtocol out = protocol(format, buffer);
    out.writeStructBegin(new TStruct(""));
    if (field.isPresent()) {
      out.writeFieldBegin(new TField(field.get().name(), TType.STRING, (short) field.get().id()));
      out.writeString(text);
      out.writeFieldEnd();
    }
    out.writeFieldStop();
    out.writeStructEnd();
    byte[] bytes = new byte[buffer.length()];
    System.arraycopy(buffer.getArray(), 0, bytes, 0, bytes.length);
    return bytes;
  }

  private static TProtocol protocol(WireFormat format, org.apache.thrift.transport.TTransport t) {
    return format == WireFormat.THRIFT_COMPACT ? new TCompactProtocol(t) : new TBinaryProtocol(t);
  }

  private static Optional<String> readProtobuf(byte[] value, int number) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(value);
    String found = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (com.google.protobuf.WireFormat.getTagFieldNumber(tag) == number
          && com.google.protobuf.WireFormat.getTagWireType(tag) == com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        found = in.readStringRequireUtf8(); // last one wins, as protobuf merges scalars
      } else if (!in.skipField(tag)) {
        break;
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] writeProtobuf(Optional<DeclaredException.MessageField> field, String text) throws IOException {
    if (field.isEmpty() || text.isEmpty()) return new byte[0];
    byte[] out = new byte[CodedOutputStream.computeStringSize(field.get().id(), text)];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    cos.writeString(field.get().id(), text);
    cos.checkNoSpaceLeft();
    return out;
  }

  private static Optional<String> readJson(byte[] value, DeclaredException.MessageField field) throws IOException {
    try (JsonParser p = JSON.createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if ((name.equals(field.name()) || name.equals(field.jsonName())) && v == JsonToken.VALUE_STRING) {
          return Optional.of(p.getText());
        }
        p.skipChildren();
      }
      return Optional.empty();
    }
  }

  private static byte[] writeJson(WireFormat format, Optional<DeclaredException.MessageField> field, String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (field.isPresent() && !(format == WireFormat.PROTO_JSON && text.isEmpty())) {
        g.writeStringField(format == WireFormat.PROTO_JSON ? field.get().jsonName() : field.get().name(), text);
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }
}
