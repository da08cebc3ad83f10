package dev.polyglot.translate.status;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * gRPC's rich error, {@code google.rpc.Status}, as a neutral value with its wire form: what a gRPC
 * server sends in the {@code grpc-status-details-bin} trailer.
 *
 * <p>Encoded and decoded here with protobuf-java's coded streams so that no caller needs the
 * generated {@code com.google.rpc} classes. The layout is {@code 1: int32 code, 2: string message,
 * 3: repeated google.protobuf.Any details} with {@code Any = 1: string type_url, 2: bytes value};
 * each detail is a {@link Status.Detail} in {@link dev.polyglot.translate.WireFormat#PROTOBUF}
 * whose {@code typeName} is the full proto name behind the type URL.
 */
public record GoogleRpcStatus(StatusCode code, String message, List<Status.Detail> details) {
  /** The prefix every packed detail gets; on input any prefix up to the last '/' is accepted. */
  public static final String TYPE_URL_PREFIX = "type.googleapis.com/";

  private static final int CODE = 1;
  private static final int MESSAGE = 2;
  private static final int DETAILS = 3;
  private static final int ANY_TYPE_URL = 1;
  private static final int ANY_VALUE = 2;

  public GoogleRpcStatus {
    Objects.requireNonNull(code, "code");
    message = message == null ? "" : message;
    details = List.copyOf(details);
    for (Status.Detail d : details) requireProtobuf(d);
  }

  /**
   * The status as gRPC sends it. Its detail, if any, must already be the protobuf encoding of the
   * proto message (a binding re-encodes a Thrift exception first: {@link Status#withDetail}).
   *
   * @throws IllegalArgumentException if the detail is in another format
   */
  public static GoogleRpcStatus of(Status status) {
    return new GoogleRpcStatus(status.code(), status.message(), status.detail().map(List::of).orElse(List.of()));
  }

  /** The neutral status: code, message and the first detail, if any. */
  public Status toStatus() {
    return details.isEmpty() ? Status.of(code, message) : Status.of(code, message, details.get(0));
  }

  /** The encoded {@code google.rpc.Status}. Fields at default values are omitted, as proto3 does. */
  public byte[] toByteArray() {
    try {
      int size = 0;
      if (code.number() != 0) size += CodedOutputStream.computeInt32Size(CODE, code.number());
      if (!message.isEmpty()) size += CodedOutputStream.computeStringSize(MESSAGE, message);
      int[] anySizes = new int[details.size()];
      for (int i = 0; i < anySizes.length; i++) {
        anySizes[i] = anySize(details.get(i));
        size += CodedOutputStream.computeTagSize(DETAILS) + CodedOutputStream.computeUInt32SizeNoTag(anySizes[i]) + anySizes[i];
      }
      byte[] out = new byte[size];
      CodedOutputStream cos = CodedOutputStream.newInstance(out);
      if (code.number() != 0) cos.writeInt32(CODE, code.number());
      if (!message.isEmpty()) cos.writeString(MESSAGE, message);
      for (int i = 0; i < anySizes.length; i++) {
        Status.Detail d = details.get(i);
        cos.writeTag(DETAILS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        cos.writeUInt32NoTag(anySizes[i]);
        cos.writeString(ANY_TYPE_URL, TYPE_URL_PREFIX + d.typeName());
        if (d.payload().length > 0) cos.writeByteArray(ANY_VALUE, d.payload());
      }
      cos.checkNoSpaceLeft();
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("sizing google.rpc.Status went wrong", e); // a bug, not input
    }
  }

  /**
   * Decodes a {@code google.rpc.Status}. Unknown fields are skipped; a code number outside the 17
   * codes becomes {@link StatusCode#UNKNOWN}, as gRPC specifies.
   *
   * @throws IllegalArgumentException with a sentence naming what is malformed
   */
  public static GoogleRpcStatus parseFrom(byte[] bytes) {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    StatusCode code = StatusCode.OK;
    String message = "";
    List<Status.Detail> details = new ArrayList<>();
    try {
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        int field = WireFormat.getTagFieldNumber(tag);
        int type = WireFormat.getTagWireType(tag);
        if (field == CODE && type == WireFormat.WIRETYPE_VARINT) {
          code = StatusCode.forNumber(in.readInt32());
        } else if (field == MESSAGE && type == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          message = in.readStringRequireUtf8();
        } else if (field == DETAILS && type == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          int limit = in.pushLimit(in.readRawVarint32());
          details.add(readAny(in));
          in.popLimit(limit);
        } else if (!in.skipField(tag)) {
          break;
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed google.rpc.Status: " + e.getMessage(), e);
    }
    return new GoogleRpcStatus(code, message, details);
  }

  private static Status.Detail readAny(CodedInputStream in) throws IOException {
    String typeUrl = "";
    byte[] value = new byte[0];
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      int type = WireFormat.getTagWireType(tag);
      if (field == ANY_TYPE_URL && type == WireFormat.WIRETYPE_LENGTH_DELIMITED) typeUrl = in.readStringRequireUtf8();
      else if (field == ANY_VALUE && type == WireFormat.WIRETYPE_LENGTH_DELIMITED) value = in.readByteArray();
      else if (!in.skipField(tag)) break;
    }
    int slash = typeUrl.lastIndexOf('/');
    String typeName = typeUrl.substring(slash + 1);
    if (typeName.isEmpty()) throw new IOException("a detail has no type URL");
    return Status.Detail.of(typeName, dev.polyglot.translate.WireFormat.PROTOBUF, value);
  }

  private static int anySize(Status.Detail d) {
    int size = CodedOutputStream.computeStringSize(ANY_TYPE_URL, TYPE_URL_PREFIX + d.typeName());
    if (d.payload().length > 0) size += CodedOutputStream.computeByteArraySize(ANY_VALUE, d.payload());
    return size;
  }

  private static void requireProtobuf(Status.Detail d) {
    if (d.format() != dev.polyglot.translate.WireFormat.PROTOBUF) {
      throw new IllegalArgumentException("google.rpc.Status details must be protobuf-encoded (got "
          + d.format() + " for " + d.typeName() + "): re-encode the detail first");
    }
  }
}
