package dev.polyglot.translate.status;

import static dev.polyglot.translate.status.ErrorSchemas.STRING;
import static dev.polyglot.translate.status.ErrorSchemas.annotations;
import static dev.polyglot.translate.status.ErrorSchemas.exception;
import static dev.polyglot.translate.status.ErrorSchemas.field;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.ErrorInfo;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.translate.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeclaredExceptionsTest {
  private final DeclaredExceptions getItem = DeclaredExceptions.of(ErrorSchemas.WAREHOUSE, ErrorSchemas.getItem());

  @Test
  void compilesAnnotationsAndMessageFieldsOfEveryDeclaredException() {
    assertEquals(List.of(
            new DeclaredException(1, "notFound", "warehouse.ItemNotFound", StatusCode.NOT_FOUND, OptionalInt.of(410),
                Optional.of(new DeclaredException.MessageField(2, "message", "message"))),
            new DeclaredException(2, "outOfStock", "warehouse.OutOfStock", StatusCode.FAILED_PRECONDITION, OptionalInt.empty(),
                Optional.of(new DeclaredException.MessageField(2, "reason", "reason"))),
            new DeclaredException(3, "boom", "warehouse.Boom", StatusCode.UNKNOWN, OptionalInt.empty(), Optional.empty()),
            new DeclaredException(4, "denied", "warehouse.Denied", StatusCode.PERMISSION_DENIED, OptionalInt.empty(),
                Optional.of(new DeclaredException.MessageField(1, "who", "who"))),
            new DeclaredException(5, "forbidden", "warehouse.Forbidden", StatusCode.PERMISSION_DENIED, OptionalInt.empty(),
                Optional.of(new DeclaredException.MessageField(1, "why", "why")))),
        getItem.all());
    assertEquals(3, getItem.indexOfFieldId(4));
    assertEquals(-1, getItem.indexOfFieldId(9));
  }

  // ---- Thrift exception -> status

  @ParameterizedTest(name = "in {0}")
  @EnumSource(value = WireFormat.class, names = {"THRIFT_BINARY", "THRIFT_COMPACT"})
  void anExceptionsCodeComesFromGrpcCodeAndItsMessageFromTheMessageField(WireFormat format) throws Exception {
    byte[] value = thriftStruct(format, (short) 1, "42", (short) 2, "no item 42");
    Status.Detail detail = Status.Detail.of("warehouse.ItemNotFound", format, value);
    assertEquals(Status.of(StatusCode.NOT_FOUND, "no item 42", detail), getItem.toStatus(0, detail));
  }

  @Test
  void withoutAMessageFieldTheFirstStringFieldIsTheMessage() throws Exception {
    TMemoryBuffer buf = new TMemoryBuffer(64);
    TProtocol out = new TBinaryProtocol(buf);
    out.writeStructBegin(new TStruct("OutOfStock"));
    out.writeFieldBegin(new TField("available", TType.I32, (short) 1));
    out.writeI32(3);
    out.writeFieldEnd();
    out.writeFieldBegin(new TField("reason", TType.STRING, (short) 2));
    out.writeString("only 3 left");
    out.writeFieldEnd();
    out.writeFieldStop();
    out.writeStructEnd();
    Status.Detail detail = Status.Detail.of("warehouse.OutOfStock", WireFormat.THRIFT_BINARY, java.util.Arrays.copyOf(buf.getArray(), buf.length()));
    assertEquals(Status.of(StatusCode.FAILED_PRECONDITION, "only 3 left", detail), getItem.toStatus(1, detail));
  }

  @Test
  void anExceptionWithoutAnnotationOrStringFieldIsUnknownWithAnEmptyMessage() throws Exception {
    Status.Detail detail = Status.Detail.of("warehouse.Boom", WireFormat.THRIFT_BINARY, new byte[] {0});
    assertEquals(Status.of(StatusCode.UNKNOWN, "", detail), getItem.toStatus(2, detail));
  }

  @Test
  void theMessageIsAlsoFoundInProtobufAndJsonValues() {
    byte[] proto = {0x0a, 0x02, '4', '2', 0x12, 0x04, 'g', 'o', 'n', 'e'};
    assertEquals("gone", getItem.toStatus(0, Status.Detail.of("acme.v1.ItemNotFound", WireFormat.PROTOBUF, proto)).message());
    byte[] json = "{\"sku\":\"42\",\"extra\":{\"message\":\"nested\"},\"message\":\"gone\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals("gone", getItem.toStatus(0, Status.Detail.of("warehouse.ItemNotFound", WireFormat.THRIFT_JSON, json)).message());
  }

  // ---- status -> Thrift caller: the three rules

  @Test
  void ruleOneADetailNamingADeclaredExceptionByItsSimpleNameSelectsIt() {
    Status.Detail protoDetail = Status.Detail.of("acme.warehouse.v1.OutOfStock", WireFormat.PROTOBUF, new byte[] {0x08, 0x03});
    // The code says NOT_FOUND (ItemNotFound's), but the detail wins.
    ThriftError e = getItem.toThrift(Status.of(StatusCode.NOT_FOUND, "x", protoDetail), WireFormat.THRIFT_BINARY);
    assertEquals(new ThriftError.Declared(getItem.get(1), protoDetail), e);
  }

  @Test
  void ruleOneSearchesEveryDetailOfAGrpcStatus() {
    byte[] outOfStock = {0x08, 0x03};
    byte[] bytes = com.google.rpc.Status.newBuilder()
        .setCode(9)
        .setMessage("only 3 left")
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("STOCK").build()))
        .addDetails(Any.newBuilder().setTypeUrl("type.googleapis.com/acme.warehouse.v1.OutOfStock").setValue(ByteString.copyFrom(outOfStock)))
        .build()
        .toByteArray();
    ThriftError e = getItem.toThrift(GoogleRpcStatus.parseFrom(bytes), WireFormat.THRIFT_BINARY);
    assertEquals(new ThriftError.Declared(getItem.get(1),
        Status.Detail.of("acme.warehouse.v1.OutOfStock", WireFormat.PROTOBUF, outOfStock)), e);
  }

  @ParameterizedTest(name = "in {0}")
  @EnumSource(value = WireFormat.class, names = {"THRIFT_BINARY", "THRIFT_COMPACT"})
  void ruleTwoACodeExactlyOneExceptionCarriesSelectsItWithTheMessageSet(WireFormat format) throws Exception {
    ThriftError e = getItem.toThrift(Status.of(StatusCode.NOT_FOUND, "no item 42"), format);
    ThriftError.Declared declared = (ThriftError.Declared) e;
    assertEquals(getItem.get(0), declared.exception());
    assertEquals("warehouse.ItemNotFound", declared.value().typeName());
    assertEquals(format, declared.value().format());
    // Read back with libthrift: exactly field 2 (message) is set.
    TProtocol in = format == WireFormat.THRIFT_COMPACT
        ? new TCompactProtocol(new TMemoryInputTransport(declared.value().payload()))
        : new TBinaryProtocol(new TMemoryInputTransport(declared.value().payload()));
    in.readStructBegin();
    TField f = in.readFieldBegin();
    assertEquals(2, f.id);
    assertEquals(TType.STRING, f.type);
    assertEquals("no item 42", in.readString());
    in.readFieldEnd();
    assertEquals(TType.STOP, in.readFieldBegin().type);
    assertArrayEquals(thriftStruct(format, (short) 2, "no item 42"), declared.value().payload());
  }

  @Test
  void ruleTwoIgnoresAnUnrelatedDetail() {
    Status.Detail info = Status.Detail.of("google.rpc.ErrorInfo", WireFormat.PROTOBUF, new byte[0]);
    ThriftError e = getItem.toThrift(Status.of(StatusCode.FAILED_PRECONDITION, "low", info), WireFormat.THRIFT_BINARY);
    assertEquals(getItem.get(1), ((ThriftError.Declared) e).exception());
  }

  @Test
  void ruleThreeACodeTwoExceptionsCarryIsAnInternalErrorWithTheStatusText() {
    assertEquals(ApplicationError.of(ApplicationError.Type.INTERNAL_ERROR, "PERMISSION_DENIED: not yours"),
        getItem.toThrift(Status.of(StatusCode.PERMISSION_DENIED, "not yours"), WireFormat.THRIFT_BINARY));
  }

  @Test
  void ruleThreeACodeNoExceptionCarriesIsAnInternalErrorWithTheStatusText() {
    assertEquals(ApplicationError.of(ApplicationError.Type.INTERNAL_ERROR, "UNAVAILABLE: backend down"),
        getItem.toThrift(Status.of(StatusCode.UNAVAILABLE, "backend down"), WireFormat.THRIFT_COMPACT));
    assertEquals(ApplicationError.of(ApplicationError.Type.INTERNAL_ERROR, "DEADLINE_EXCEEDED"),
        DeclaredExceptions.none().toThrift(Status.of(StatusCode.DEADLINE_EXCEEDED, ""), WireFormat.THRIFT_BINARY));
  }

  // ---- HTTP status

  @Test
  void theHttpStatusAnnotationWinsOverTheCode() {
    Status s = Status.of(StatusCode.NOT_FOUND, "gone", Status.Detail.of("acme.v1.ItemNotFound", WireFormat.PROTOBUF, new byte[0]));
    assertEquals(410, getItem.httpStatus(s));
  }

  @Test
  void withoutAnnotationTheHttpStatusComesFromTheCode() {
    Status s = Status.of(StatusCode.FAILED_PRECONDITION, "low", Status.Detail.of("warehouse.OutOfStock", WireFormat.THRIFT_BINARY, new byte[] {0}));
    assertEquals(400, getItem.httpStatus(s));
    assertEquals(404, getItem.httpStatus(Status.of(StatusCode.NOT_FOUND, "no detail, no annotation")));
  }

  // ---- bad annotations

  @Test
  void badAnnotationsAreReportedTogetherWithTheirLocation() {
    StructDef bad = exception("Bad", 7, annotations("grpc.code", "NOPE", "http.status", "abc"), field(1, "message", STRING));
    StructDef bad2 = exception("Bad2", 8, annotations("http.status", "700"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeclaredExceptions.of(ErrorSchemas.schema(bad, bad2), List.of(
        field(1, "bad", TypeRef.named("warehouse.Bad", TypeRef.NamedKind.STRUCT)),
        field(2, "bad2", TypeRef.named("warehouse.Bad2", TypeRef.NamedKind.STRUCT)))));
    assertEquals("warehouse.thrift:7:1: warehouse.Bad: grpc.code = \"NOPE\" (expected: a gRPC failure code such as NOT_FOUND)\n"
        + "warehouse.thrift:7:1: warehouse.Bad: http.status = \"abc\" (expected: 100-599)\n"
        + "warehouse.thrift:8:1: warehouse.Bad2: http.status = \"700\" (expected: 100-599)", e.getMessage());
  }

  @Test
  void okIsNotAFailureCodeAnExceptionCanCarry() {
    StructDef ok = exception("Fine", 9, annotations("grpc.code", "OK"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeclaredExceptions.of(ErrorSchemas.schema(ok),
        List.of(field(1, "fine", TypeRef.named("warehouse.Fine", TypeRef.NamedKind.STRUCT)))));
    assertEquals("warehouse.thrift:9:1: warehouse.Fine: grpc.code = \"OK\" (expected: a gRPC failure code such as NOT_FOUND)", e.getMessage());
  }

  @Test
  void grpcCodeAcceptsLowerCase() {
    StructDef lower = exception("Lower", 7, annotations("grpc.code", "already_exists"));
    DeclaredExceptions d = DeclaredExceptions.of(ErrorSchemas.schema(lower),
        List.of(field(1, "e", TypeRef.named("warehouse.Lower", TypeRef.NamedKind.STRUCT))));
    assertEquals(StatusCode.ALREADY_EXISTS, d.get(0).code());
  }

  private static byte[] thriftStruct(WireFormat format, Object... idsAndStrings) throws Exception {
    TMemoryBuffer buf = new TMemoryBuffer(64);
    TProtocol out = format == WireFormat.THRIFT_COMPACT ? new TCompactProtocol(buf) : new TBinaryProtocol(buf);
    out.writeStructBegin(new TStruct("x"));
    for (int i = 0; i < idsAndStrings.length; i += 2) {
      out.writeFieldBegin(new TField("", TType.STRING, (Short) idsAndStrings[i]));
      out.writeString((String) idsAndStrings[i + 1]);
      out.writeFieldEnd();
    }
    out.writeFieldStop();
    out.writeStructEnd();
    return java.util.Arrays.copyOf(buf.getArray(), buf.length());
  }
}
