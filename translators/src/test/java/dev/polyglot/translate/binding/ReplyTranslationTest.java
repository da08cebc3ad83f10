package dev.polyglot.translate.binding;

import static dev.polyglot.translate.binding.Interop.message;
import static dev.polyglot.translate.binding.Interop.thrift;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.status.GoogleRpcStatus;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replies back through the binding: success values between Thrift result structs and proto
 * response messages (and the bare JSON of a Thrift-view HTTP caller), declared exceptions in both
 * directions, and the three gRPC → Thrift rules. google.rpc.Status values are built and parsed
 * with the real {@code com.google.rpc} classes.
 */
class ReplyTranslationTest {

  private static DynamicMessage item(String sku, int quantity) {
    Descriptor d = Interop.descriptor("Item");
    return message("Item").setField(d.findFieldByName("sku"), sku).setField(d.findFieldByName("quantity"), quantity).build();
  }

  private static DynamicMessage single(String type, Object value) {
    return message(type).setField(Interop.descriptor(type).findFieldByName("value"), value).build();
  }

  private static void field(TProtocol out, String name, byte type, int id) throws Exception {
    out.writeFieldBegin(new TField(name, type, (short) id));
  }

  // ---------------------------------------------------------------- proto backend, Thrift caller

  @Test
  void aProtoStructResultBecomesTheSuccessFieldOfTheThriftResult() throws Exception {
    byte[] reply = item("A-1", 7).toByteArray();

    byte[] out = Interop.thriftToProto("getItem").translateReply(reply, WireFormat.PROTOBUF, WireFormat.THRIFT_BINARY);

    assertEquals("{0: {1: \"A-1\", 3: i32 7, 9: [], 12: \"\"}}", ThriftText.read(out));
  }

  @Test
  void aOneFieldResponseMessageBecomesTheScalarResultEvenWhenItsFieldIsAbsent() throws Exception {
    MethodBinding echoI32 = Interop.thriftToProto("echoI32");

    assertEquals("{0: i32 -5}", ThriftText.read(true, echoI32.translateReply(single("EchoI32Response", -5).toByteArray(), WireFormat.PROTOBUF, WireFormat.THRIFT_COMPACT)));
    assertEquals("{0: i32 0}", ThriftText.read(echoI32.translateReply(new byte[0], WireFormat.PROTOBUF, WireFormat.THRIFT_BINARY)));
  }

  @Test
  void aVoidResultIsAnEmptyResultStruct() throws Exception {
    assertEquals("{}", ThriftText.read(Interop.thriftToProto("ping").translateReply(new byte[0], WireFormat.PROTOBUF, WireFormat.THRIFT_BINARY)));
  }

  @ParameterizedTest(name = "{0}: {2} -> {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "echoI32|EchoI32Response|{\"value\": -5}|-5",
      "echoI32|EchoI32Response|{}|0",
      "echoI64|EchoI64Response|{\"value\": \"9007199254740993\"}|9007199254740993",
      "echoDouble|EchoDoubleResponse|{\"value\": \"-Infinity\"}|\"-Infinity\"",
      "echoString|EchoStringResponse|{\"value\": \"x\"}|\"x\"",
      "echoEnum|EchoEnumResponse|{\"value\": \"MEMBER_TIER_GOLD\"}|\"GOLD\"",
      "echoMap|EchoMapResponse|{\"value\": {\"2\": \"b\"}}|{\"2\":\"b\"}",
      "echoMatrix|EchoMatrixResponse|{\"matrix\": [{\"values\": [1]}, {}]}|[[1],[]]"})
  void aThriftJsonCallerGetsTheBareResultValue(String method, String response, String protoJson, String expected) throws Exception {
    DynamicMessage.Builder b = message(response);
    com.google.protobuf.util.JsonFormat.parser().merge(protoJson, b);

    byte[] json = Interop.thriftToProto(method).translateReply(b.build().toByteArray(), WireFormat.PROTOBUF, WireFormat.THRIFT_JSON);

    assertEquals(expected, new String(json, StandardCharsets.UTF_8));
  }

  @Test
  void aThriftJsonCallerGetsStructsListsAndVoidAsTheirJson() {
    var listType = Interop.descriptor("LoggedEventsResponse");
    byte[] events = message("LoggedEventsResponse").addRepeatedField(listType.findFieldByName("events"), "a").addRepeatedField(listType.findFieldByName("events"), "b").build().toByteArray();

    assertEquals("{\"sku\":\"A-1\",\"quantity\":7,\"tags\":[],\"origin\":\"\"}",
        new String(Interop.thriftToProto("getItem").translateReply(item("A-1", 7).toByteArray(), WireFormat.PROTOBUF, WireFormat.THRIFT_JSON), StandardCharsets.UTF_8));
    assertEquals("[\"a\",\"b\"]", new String(Interop.thriftToProto("loggedEvents").translateReply(events, WireFormat.PROTOBUF, WireFormat.THRIFT_JSON), StandardCharsets.UTF_8));
    assertEquals("{}", new String(Interop.thriftToProto("ping").translateReply(new byte[0], WireFormat.PROTOBUF, WireFormat.THRIFT_JSON), StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- Thrift backend, proto caller

  @Test
  void aThriftResultBecomesTheProtoResponseMessage() throws Exception {
    byte[] result = thrift(o -> {
      o.writeStructBegin(new TStruct("getItem_result"));
      field(o, "success", TType.STRUCT, 0);
      o.writeStructBegin(new TStruct("Item"));
      field(o, "sku", TType.STRING, 1);
      o.writeString("A-1");
      field(o, "quantity", TType.I32, 3);
      o.writeI32(7);
      o.writeFieldStop();
      o.writeStructEnd();
      o.writeFieldStop();
      o.writeStructEnd();
    });

    byte[] out = Interop.protoToThrift("GetItem").translateReply(result, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF);

    assertEquals(item("A-1", 7), Interop.parse("Item", out));
  }

  @Test
  void aThriftScalarResultIsWrappedInTheOneFieldResponse() throws Exception {
    byte[] result = thrift(o -> {
      o.writeStructBegin(new TStruct("add_result"));
      field(o, "success", TType.I64, 0);
      o.writeI64(Long.MIN_VALUE);
      o.writeFieldStop();
      o.writeStructEnd();
    });

    byte[] out = Interop.protoToThrift("Add").translateReply(result, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF);

    assertEquals(single("AddResponse", Long.MIN_VALUE), Interop.parse("AddResponse", out));
    assertEquals("{\"value\":\"-9223372036854775808\"}",
        new String(Interop.protoToThrift("Add").translateReply(result, WireFormat.THRIFT_BINARY, WireFormat.PROTO_JSON), StandardCharsets.UTF_8));
  }

  @Test
  void aVoidThriftResultIsAnEmptyMessageAndAMissingSuccessIsAnError() {
    assertArrayEquals(new byte[0], Interop.protoToThrift("Ping").translateReply(new byte[] {0}, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF));

    TranscodeException e = assertThrows(TranscodeException.class,
        () -> Interop.protoToThrift("Reserve").translateReply(new byte[] {0}, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF));
    assertEquals("no value (expected: a value for field success of interop.Interop.reserve_result)", e.getMessage());
  }

  // ---------------------------------------------------------------- declared exceptions

  private static DynamicMessage exception(String type, String message, String sku) {
    Descriptor d = Interop.descriptor(type);
    return message(type).setField(d.findFieldByName("message"), message).setField(d.findFieldByName("sku"), sku).build();
  }

  private static Status grpcStatus(com.google.rpc.Status status) {
    return GoogleRpcStatus.parseFrom(status.toByteArray()).toStatus();
  }

  @Test
  void aGrpcDetailNamingADeclaredExceptionBecomesTheThriftException() throws Exception {
    com.google.rpc.Status rpc = com.google.rpc.Status.newBuilder()
        .setCode(com.google.rpc.Code.NOT_FOUND_VALUE)
        .setMessage("no item with sku missing")
        .addDetails(Any.pack(exception("ItemNotFound", "no item with sku missing", "missing")))
        .build();

    Status out = Interop.thriftToProto("getItem").translateError(grpcStatus(rpc), WireFormat.THRIFT_BINARY);

    assertEquals(StatusCode.NOT_FOUND, out.code());
    assertEquals("no item with sku missing", out.message());
    assertEquals("interop.ItemNotFound", out.detail().orElseThrow().typeName());
    assertEquals(WireFormat.THRIFT_BINARY, out.detail().orElseThrow().format());
    assertEquals("{1: \"no item with sku missing\", 2: \"missing\"}", ThriftText.read(out.detail().orElseThrow().payload()));
  }

  @Test
  void theCodeComesFromTheThriftAnnotationWhateverTheGrpcCodeWas() throws Exception {
    Descriptor d = Interop.descriptor("OutOfStock");
    DynamicMessage oos = message("OutOfStock").setField(d.findFieldByName("message"), "only 100")
        .setField(d.findFieldByName("available"), 100).setField(d.findFieldByName("requested"), 101).build();
    com.google.rpc.Status rpc = com.google.rpc.Status.newBuilder().setCode(com.google.rpc.Code.ABORTED_VALUE).setMessage("x")
        .addDetails(Any.pack(oos)).build();

    Status out = Interop.thriftToProto("reserve").translateError(grpcStatus(rpc), WireFormat.THRIFT_COMPACT);

    assertEquals(StatusCode.FAILED_PRECONDITION, out.code());
    assertEquals("only 100", out.message());
    assertEquals("interop.OutOfStock", out.detail().orElseThrow().typeName());
    // sku is absent from the proto message: the Thrift field (default requiredness) gets "".
    assertEquals("{1: \"only 100\", 3: i32 100, 4: i32 101, 2: \"\"}", ThriftText.read(true, out.detail().orElseThrow().payload()));
  }

  @Test
  void withoutADetailTheOneExceptionAnnotatedWithTheCodeIsChosen() throws Exception {
    Status out = Interop.thriftToProto("reserve").translateError(Status.of(StatusCode.NOT_FOUND, "gone"), WireFormat.THRIFT_BINARY);

    assertEquals(StatusCode.NOT_FOUND, out.code());
    assertEquals("gone", out.message());
    assertEquals("interop.ItemNotFound", out.detail().orElseThrow().typeName());
    assertEquals("{1: \"gone\"}", ThriftText.read(out.detail().orElseThrow().payload()));
  }

  @Test
  void aCodeNoExceptionIsAnnotatedWithLeavesNoDetailForATApplicationException() {
    com.google.rpc.Status rpc = com.google.rpc.Status.newBuilder().setCode(com.google.rpc.Code.INTERNAL_VALUE).setMessage("disk on fire")
        .addDetails(Any.pack(com.google.rpc.DebugInfo.newBuilder().setDetail("stack").build())).build();

    Status out = Interop.thriftToProto("reserve").translateError(grpcStatus(rpc), WireFormat.THRIFT_BINARY);

    assertEquals(Status.of(StatusCode.INTERNAL, "disk on fire"), out);
  }

  @Test
  void aThriftExceptionBecomesTheProtoDetailInAGoogleRpcStatus() throws Exception {
    byte[] thriftException = thrift(o -> {
      o.writeStructBegin(new TStruct("ItemNotFound"));
      field(o, "message", TType.STRING, 1);
      o.writeString("no item with sku missing");
      field(o, "sku", TType.STRING, 2);
      o.writeString("missing");
      o.writeFieldStop();
      o.writeStructEnd();
    });
    Status fromBackend = Status.of(StatusCode.UNKNOWN, "", Status.Detail.of("interop.ItemNotFound", WireFormat.THRIFT_BINARY, thriftException));

    Status out = Interop.protoToThrift("GetItem").translateError(fromBackend, WireFormat.PROTOBUF);
    com.google.rpc.Status rpc = com.google.rpc.Status.parseFrom(GoogleRpcStatus.of(out).toByteArray());

    assertEquals(com.google.rpc.Code.NOT_FOUND_VALUE, rpc.getCode());
    assertEquals("no item with sku missing", rpc.getMessage());
    assertEquals(1, rpc.getDetailsCount());
    assertEquals("type.googleapis.com/polyglot.interop.v1.ItemNotFound", rpc.getDetails(0).getTypeUrl());
    assertEquals(exception("ItemNotFound", "no item with sku missing", "missing"), Interop.parse("ItemNotFound", rpc.getDetails(0).getValue().toByteArray()));
  }

  @Test
  void anHttpCallerOfTheThriftViewGetsTheExceptionAsThriftJson() throws Exception {
    Status grpc = Status.of(StatusCode.NOT_FOUND, "m",
        Status.Detail.of("polyglot.interop.v1.ItemNotFound", WireFormat.PROTOBUF, exception("ItemNotFound", "m", "s").toByteArray()));

    Status out = Interop.thriftToProto("getItem").translateError(grpc, WireFormat.THRIFT_JSON);

    assertEquals(Optional.of(Status.Detail.of("interop.ItemNotFound", WireFormat.THRIFT_JSON, "{\"message\":\"m\",\"sku\":\"s\"}".getBytes(StandardCharsets.UTF_8))), out.detail());
    assertEquals(StatusCode.NOT_FOUND, out.code());
  }

  @Test
  void anUndeclaredThriftDetailIsNotForwardedToAProtoCaller() throws Exception {
    // A Thrift struct as the detail of a method that declares no exceptions: a proto caller gets no
    // Any of a Thrift type, only the code and message.
    Status fromBackend = Status.of(StatusCode.INTERNAL, "boom",
        Status.Detail.of("interop.InvalidRequest", WireFormat.THRIFT_BINARY, new byte[] {0}));

    assertEquals(Status.of(StatusCode.INTERNAL, "boom"), Interop.protoToThrift("FailUndeclared").translateError(fromBackend, WireFormat.PROTOBUF));
  }

  @Test
  void anUndeclaredFailureFromAThriftBackendKeepsItsCodeAndMessage() {
    Status failure = Status.of(StatusCode.INTERNAL, "boom");

    assertEquals(failure, Interop.protoToThrift("FailUndeclared").translateError(failure, WireFormat.PROTOBUF));
  }
}
