package dev.polyglot.translate.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.translate.Codecs;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.Plans;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.api.Test;

/**
 * The error model end to end over IDL loaded from files ({@code json/errors.thrift} and
 * {@code json/errors.proto}): a Thrift backend's declared exception becomes an HTTP error body and
 * a {@code google.rpc.Status} a real gRPC client can unpack.
 */
class ErrorTranslationTest {
  private static final Schema SCHEMA = load();
  private static final Plans PLANS = Plans.of(SCHEMA);
  private static final Transcoder TRANSCODER = Transcoder.of(Codecs.standard(), Limits.DEFAULT);
  private static final DeclaredExceptions GET_ITEM =
      DeclaredExceptions.of(SCHEMA, SCHEMA.requireService("errors.Warehouse").method("getItem").orElseThrow());

  @Test
  void annotationsAreReadFromTheLoadedThriftFile() {
    assertEquals(StatusCode.NOT_FOUND, GET_ITEM.get(0).code());
    assertEquals(410, GET_ITEM.get(0).httpStatus().getAsInt());
    assertEquals(StatusCode.FAILED_PRECONDITION, GET_ITEM.get(1).code());
    assertEquals("errors.ItemNotFound", GET_ITEM.get(0).typeName());
  }

  @Test
  void aThriftExceptionBecomesAnHttpErrorWithItsAnnotatedStatusAndDebugJson() throws Exception {
    Status status = GET_ITEM.toStatus(0, Status.Detail.of("errors.ItemNotFound", WireFormat.THRIFT_BINARY, itemNotFound()));
    HttpErrorResponse r = HttpErrorResponse.render(status, GET_ITEM, TRANSCODER, PLANS, WireFormat.THRIFT_JSON);
    assertEquals(410, r.status());
    assertEquals("{\"code\":\"not_found\",\"message\":\"no item A-1\",\"details\":[{\"type\":\"errors.ItemNotFound\","
        + "\"debug\":{\"sku\":\"A-1\",\"message\":\"no item A-1\"}}]}", r.bodyText());
  }

  @Test
  void aDetailOfAnUnknownTypeKeepsOnlyItsType() {
    Status status = Status.of(StatusCode.ABORTED, "conflict", Status.Detail.of("other.Conflict", WireFormat.PROTOBUF, new byte[] {8, 1}));
    HttpErrorResponse r = HttpErrorResponse.render(status, GET_ITEM, TRANSCODER, PLANS, WireFormat.PROTO_JSON);
    assertEquals(409, r.status());
    assertEquals("{\"code\":\"aborted\",\"message\":\"conflict\",\"details\":[{\"type\":\"other.Conflict\"}]}", r.bodyText());
  }

  @Test
  void aThriftExceptionReachesAGrpcClientAsTheProtoMessageOfTheSameSimpleName() throws Exception {
    Status status = GET_ITEM.toStatus(0, Status.Detail.of("errors.ItemNotFound", WireFormat.THRIFT_BINARY, itemNotFound()));
    // What a binding does: re-encode the value as the proto message with the same simple name.
    byte[] proto = TRANSCODER.transcode(PLANS.struct("errors.ItemNotFound"), WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF,
        status.detail().orElseThrow().payload());
    byte[] wire = GoogleRpcStatus.of(status.withDetail(Status.Detail.of("acme.warehouse.v1.ItemNotFound", WireFormat.PROTOBUF, proto)))
        .toByteArray();

    com.google.rpc.Status real = com.google.rpc.Status.parseFrom(wire);
    assertEquals(5, real.getCode());
    assertEquals("no item A-1", real.getMessage());
    assertEquals("type.googleapis.com/acme.warehouse.v1.ItemNotFound", real.getDetails(0).getTypeUrl());
    DynamicMessage unpacked = DynamicMessage.parseFrom(itemNotFoundDescriptor(), real.getDetails(0).getValue());
    assertEquals("sku: \"A-1\"\nmessage: \"no item A-1\"\n", unpacked.toString());

    // And back to a Thrift caller: rule 1 picks the exception the detail names.
    ThriftError back = GET_ITEM.toThrift(GoogleRpcStatus.parseFrom(wire), WireFormat.THRIFT_BINARY);
    assertEquals(new ThriftError.Declared(GET_ITEM.get(0), Status.Detail.of("acme.warehouse.v1.ItemNotFound", WireFormat.PROTOBUF, proto)),
        back);
  }

  private static byte[] itemNotFound() throws Exception {
    TMemoryBuffer buf = new TMemoryBuffer(64);
    TProtocol out = new TBinaryProtocol(buf);
    out.writeStructBegin(new TStruct("ItemNotFound"));
    out.writeFieldBegin(new TField("sku", TType.STRING, (short) 1));
    out.writeString("A-1");
    out.writeFieldEnd();
    out.writeFieldBegin(new TField("message", TType.STRING, (short) 2));
    out.writeString("no item A-1");
    out.writeFieldEnd();
    out.writeFieldStop();
    out.writeStructEnd();
    return Arrays.copyOf(buf.getArray(), buf.length());
  }

  private static Descriptors.Descriptor itemNotFoundDescriptor() throws Exception {
    for (IdlFile f : SCHEMA.files()) {
      if (f.idl() == IdlKind.PROTO && f.scope().equals("acme.warehouse.v1")) {
        Descriptors.FileDescriptor fd = Descriptors.FileDescriptor.buildFrom(FileDescriptorProto.parseFrom(f.descriptor()),
            new Descriptors.FileDescriptor[0]);
        return fd.findMessageTypeByName("ItemNotFound");
      }
    }
    throw new IllegalStateException("errors.proto not loaded");
  }

  private static Schema load() {
    try {
      return IdlLoader.create().load(List.of(
          Path.of(ErrorTranslationTest.class.getResource("/json/errors.thrift").toURI()),
          Path.of(ErrorTranslationTest.class.getResource("/json/errors.proto").toURI())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
