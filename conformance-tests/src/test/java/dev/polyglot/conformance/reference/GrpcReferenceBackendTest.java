package dev.polyglot.conformance.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.polyglot.interop.v1.AddRequest;
import dev.polyglot.interop.v1.AddResponse;
import dev.polyglot.interop.v1.AllTypes;
import dev.polyglot.interop.v1.Containers;
import dev.polyglot.interop.v1.DelayRequest;
import dev.polyglot.interop.v1.Dimensions;
import dev.polyglot.interop.v1.EchoAllTypesRequest;
import dev.polyglot.interop.v1.EchoBinaryRequest;
import dev.polyglot.interop.v1.EchoBinaryResponse;
import dev.polyglot.interop.v1.EchoBoolRequest;
import dev.polyglot.interop.v1.EchoBoolResponse;
import dev.polyglot.interop.v1.EchoByteRequest;
import dev.polyglot.interop.v1.EchoByteResponse;
import dev.polyglot.interop.v1.EchoContainersRequest;
import dev.polyglot.interop.v1.EchoDoubleRequest;
import dev.polyglot.interop.v1.EchoDoubleResponse;
import dev.polyglot.interop.v1.EchoEnumRequest;
import dev.polyglot.interop.v1.EchoEnumResponse;
import dev.polyglot.interop.v1.EchoGroupsRequest;
import dev.polyglot.interop.v1.EchoGroupsResponse;
import dev.polyglot.interop.v1.EchoI16Request;
import dev.polyglot.interop.v1.EchoI16Response;
import dev.polyglot.interop.v1.EchoI32Request;
import dev.polyglot.interop.v1.EchoI32Response;
import dev.polyglot.interop.v1.EchoI64Request;
import dev.polyglot.interop.v1.EchoI64Response;
import dev.polyglot.interop.v1.EchoItemRequest;
import dev.polyglot.interop.v1.EchoMapRequest;
import dev.polyglot.interop.v1.EchoMapResponse;
import dev.polyglot.interop.v1.EchoMatrixRequest;
import dev.polyglot.interop.v1.EchoMatrixResponse;
import dev.polyglot.interop.v1.EchoStringListRequest;
import dev.polyglot.interop.v1.EchoStringListResponse;
import dev.polyglot.interop.v1.EchoStringRequest;
import dev.polyglot.interop.v1.EchoStringResponse;
import dev.polyglot.interop.v1.EchoStringSetRequest;
import dev.polyglot.interop.v1.EchoStringSetResponse;
import dev.polyglot.interop.v1.EchoUnionRequest;
import dev.polyglot.interop.v1.EchoUuidRequest;
import dev.polyglot.interop.v1.EchoUuidResponse;
import dev.polyglot.interop.v1.FailUndeclaredRequest;
import dev.polyglot.interop.v1.GetItemRequest;
import dev.polyglot.interop.v1.Int32List;
import dev.polyglot.interop.v1.Int64List;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import dev.polyglot.interop.v1.InvalidRequest;
import dev.polyglot.interop.v1.Item;
import dev.polyglot.interop.v1.ItemNotFound;
import dev.polyglot.interop.v1.LogEventRequest;
import dev.polyglot.interop.v1.LoggedEventsResponse;
import dev.polyglot.interop.v1.MemberTier;
import dev.polyglot.interop.v1.OutOfStock;
import dev.polyglot.interop.v1.Payload;
import dev.polyglot.interop.v1.ReserveRequest;
import dev.polyglot.interop.v1.ReserveResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gRPC reference backend, called over plaintext HTTP/2 on loopback by grpc-java's generated stubs. */
class GrpcReferenceBackendTest {
  private static final byte[] ALL_BYTES = allBytes();
  private static final Metadata.Key<byte[]> STATUS_DETAILS =
      Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

  private static final Item FULL_ITEM = Item.newBuilder()
      .setSku("desk-42")
      .setDescription("a desk, oak")
      .setQuantity(4)
      .setDims(Dimensions.newBuilder().setWidthCm(120).setHeightCm(75))
      .setPackaging(Dimensions.newBuilder().setWidthCm(130).setHeightCm(80).setDepthCm(15))
      .addAllTags(List.of("wood", "oak"))
      .setTier(MemberTier.MEMBER_TIER_GOLD)
      .setOrigin("factory")
      .build();

  private static final AllTypes ALL_TYPES = AllTypes.newBuilder()
      .setBoolField(true)
      .setByteField(-128)
      .setI16Field(32767)
      .setI32Field(Integer.MIN_VALUE)
      .setI64Field(Long.MAX_VALUE)
      .setDoubleField(-0.0)
      .setStringField("Grüße, 世界 🌍")
      .setBinaryField(ByteString.copyFrom(ALL_BYTES))
      .setUuidField("0b6c4d8e-1f2a-4c3b-9d8e-7f6a5b4c3d2e")
      .setTier(MemberTier.MEMBER_TIER_PLATINUM)
      .setUserId((1L << 53) + 1)
      .build();

  private static final Containers CONTAINERS = Containers.newBuilder()
      .addAllInts(List.of(1, -2, 3))
      .addAllNames(List.of("alpha", "βeta"))
      .putCounts("big", 1L << 32)
      .putCounts("negative", -1)
      .addMatrix(Int32List.newBuilder().addValues(1).addValues(2))
      .addMatrix(Int32List.getDefaultInstance())
      .addMatrix(Int32List.newBuilder().addValues(3))
      .putGroups("evens", Int64List.newBuilder().addValues(2).addValues(4).build())
      .putGroups("none", Int64List.getDefaultInstance())
      .putLabels(-1, "minus one")
      .putLabels(20, "twenty")
      .addItems(FULL_ITEM)
      .addItems(Item.newBuilder().setSku("pen-1"))
      .addTiers(MemberTier.MEMBER_TIER_BRONZE)
      .addTiers(MemberTier.MEMBER_TIER_PLATINUM)
      .putSizes("small", Dimensions.newBuilder().setWidthCm(1).setHeightCm(2).build())
      .addBlobs(ByteString.copyFrom(new byte[] {0, -1}))
      .addBlobs(ByteString.EMPTY)
      .build();

  private RunningBackend backend;
  private ManagedChannel channel;
  private InteropServiceGrpc.InteropServiceBlockingStub stub;

  @BeforeEach
  void start() {
    backend = ReferenceBackends.startGrpc(0);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", backend.port())
        .usePlaintext()
        .maxInboundMessageSize(64 * 1024 * 1024)
        .build();
    stub = InteropServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    backend.close();
  }

  /** A call made with the stub, and the response it must produce. */
  private static Arguments call(String description, Function<InteropServiceGrpc.InteropServiceBlockingStub, Message> call,
      Message expected) {
    return Arguments.of(description, call, expected);
  }

  static Stream<Arguments> echoes() {
    return Stream.of(
        call("true", s -> s.echoBool(EchoBoolRequest.newBuilder().setValue(true).build()),
            EchoBoolResponse.newBuilder().setValue(true).build()),
        call("false", s -> s.echoBool(EchoBoolRequest.getDefaultInstance()), EchoBoolResponse.getDefaultInstance()),
        call("i8 minimum", s -> s.echoByte(EchoByteRequest.newBuilder().setValue(-128).build()),
            EchoByteResponse.newBuilder().setValue(-128).build()),
        call("i8 maximum", s -> s.echoByte(EchoByteRequest.newBuilder().setValue(127).build()),
            EchoByteResponse.newBuilder().setValue(127).build()),
        call("i16 minimum", s -> s.echoI16(EchoI16Request.newBuilder().setValue(-32768).build()),
            EchoI16Response.newBuilder().setValue(-32768).build()),
        call("i16 maximum", s -> s.echoI16(EchoI16Request.newBuilder().setValue(32767).build()),
            EchoI16Response.newBuilder().setValue(32767).build()),
        call("i32 minimum", s -> s.echoI32(EchoI32Request.newBuilder().setValue(Integer.MIN_VALUE).build()),
            EchoI32Response.newBuilder().setValue(Integer.MIN_VALUE).build()),
        call("i32 maximum", s -> s.echoI32(EchoI32Request.newBuilder().setValue(Integer.MAX_VALUE).build()),
            EchoI32Response.newBuilder().setValue(Integer.MAX_VALUE).build()),
        call("i64 minimum", s -> s.echoI64(EchoI64Request.newBuilder().setValue(Long.MIN_VALUE).build()),
            EchoI64Response.newBuilder().setValue(Long.MIN_VALUE).build()),
        call("i64 maximum", s -> s.echoI64(EchoI64Request.newBuilder().setValue(Long.MAX_VALUE).build()),
            EchoI64Response.newBuilder().setValue(Long.MAX_VALUE).build()),
        call("i64 2^53 + 1", s -> s.echoI64(EchoI64Request.newBuilder().setValue((1L << 53) + 1).build()),
            EchoI64Response.newBuilder().setValue((1L << 53) + 1).build()),
        call("double -0", s -> s.echoDouble(EchoDoubleRequest.newBuilder().setValue(-0.0).build()),
            EchoDoubleResponse.newBuilder().setValue(-0.0).build()),
        call("double 1e-292", s -> s.echoDouble(EchoDoubleRequest.newBuilder().setValue(1e-292).build()),
            EchoDoubleResponse.newBuilder().setValue(1e-292).build()),
        call("double NaN", s -> s.echoDouble(EchoDoubleRequest.newBuilder().setValue(Double.NaN).build()),
            EchoDoubleResponse.newBuilder().setValue(Double.NaN).build()),
        call("double -Infinity",
            s -> s.echoDouble(EchoDoubleRequest.newBuilder().setValue(Double.NEGATIVE_INFINITY).build()),
            EchoDoubleResponse.newBuilder().setValue(Double.NEGATIVE_INFINITY).build()),
        call("multilingual string",
            s -> s.echoString(EchoStringRequest.newBuilder().setValue("Ελληνικά, العربية, 日本語 🧪").build()),
            EchoStringResponse.newBuilder().setValue("Ελληνικά, العربية, 日本語 🧪").build()),
        call("JSON-escape torture string",
            s -> s.echoString(EchoStringRequest.newBuilder().setValue("\"\\/\b\f\n\r\t\u0000\u001f\u2028").build()),
            EchoStringResponse.newBuilder().setValue("\"\\/\b\f\n\r\t\u0000\u001f\u2028").build()),
        call("all 256 byte values",
            s -> s.echoBinary(EchoBinaryRequest.newBuilder().setValue(ByteString.copyFrom(ALL_BYTES)).build()),
            EchoBinaryResponse.newBuilder().setValue(ByteString.copyFrom(ALL_BYTES)).build()),
        call("uuid", s -> s.echoUuid(EchoUuidRequest.newBuilder().setValue("123e4567-e89b-12d3-a456-426614174000").build()),
            EchoUuidResponse.newBuilder().setValue("123e4567-e89b-12d3-a456-426614174000").build()),
        call("enum GOLD (8)", s -> s.echoEnum(EchoEnumRequest.newBuilder().setValue(MemberTier.MEMBER_TIER_GOLD).build()),
            EchoEnumResponse.newBuilder().setValue(MemberTier.MEMBER_TIER_GOLD).build()),
        call("enum number the IDL does not list", s -> s.echoEnum(EchoEnumRequest.newBuilder().setValueValue(99).build()),
            EchoEnumResponse.newBuilder().setValueValue(99).build()),
        call("all base types", s -> s.echoAllTypes(EchoAllTypesRequest.newBuilder().setValue(ALL_TYPES).build()),
            ALL_TYPES),
        call("item with every field set", s -> s.echoItem(EchoItemRequest.newBuilder().setItem(FULL_ITEM).build()),
            FULL_ITEM),
        call("item with unset optional fields",
            s -> s.echoItem(EchoItemRequest.newBuilder().setItem(Item.newBuilder().setSku("pen-1")).build()),
            Item.newBuilder().setSku("pen-1").build()),
        call("union holding a string",
            s -> s.echoUnion(EchoUnionRequest.newBuilder().setPayload(Payload.newBuilder().setText("t")).build()),
            Payload.newBuilder().setText("t").build()),
        call("union holding an i64",
            s -> s.echoUnion(EchoUnionRequest.newBuilder().setPayload(Payload.newBuilder().setNumber(-7)).build()),
            Payload.newBuilder().setNumber(-7).build()),
        call("union holding a struct",
            s -> s.echoUnion(EchoUnionRequest.newBuilder().setPayload(Payload.newBuilder().setItem(FULL_ITEM)).build()),
            Payload.newBuilder().setItem(FULL_ITEM).build()),
        call("every container shape",
            s -> s.echoContainers(EchoContainersRequest.newBuilder().setValue(CONTAINERS).build()), CONTAINERS),
        call("empty containers",
            s -> s.echoContainers(EchoContainersRequest.newBuilder().setValue(Containers.getDefaultInstance()).build()),
            Containers.getDefaultInstance()),
        call("string list in order",
            s -> s.echoStringList(EchoStringListRequest.newBuilder().addAllValues(List.of("b", "", "a", "b")).build()),
            EchoStringListResponse.newBuilder().addAllValues(List.of("b", "", "a", "b")).build()),
        call("string set",
            s -> s.echoStringSet(EchoStringSetRequest.newBuilder().addAllValues(List.of("x", "y")).build()),
            EchoStringSetResponse.newBuilder().addAllValues(List.of("x", "y")).build()),
        call("map with i32 keys",
            s -> s.echoMap(EchoMapRequest.newBuilder().putValue(Integer.MIN_VALUE, "min").putValue(0, "").build()),
            EchoMapResponse.newBuilder().putValue(Integer.MIN_VALUE, "min").putValue(0, "").build()),
        call("matrix through wrapper messages",
            s -> s.echoMatrix(EchoMatrixRequest.newBuilder().addAllMatrix(CONTAINERS.getMatrixList()).build()),
            EchoMatrixResponse.newBuilder().addAllMatrix(CONTAINERS.getMatrixList()).build()),
        call("groups through wrapper messages",
            s -> s.echoGroups(EchoGroupsRequest.newBuilder().putAllGroups(CONTAINERS.getGroupsMap()).build()),
            EchoGroupsResponse.newBuilder().putAllGroups(CONTAINERS.getGroupsMap()).build()),
        call("add with arguments numbered 1 and 3",
            s -> s.add(AddRequest.newBuilder().setLeft(-5).setRight(1L << 40).build()),
            AddResponse.newBuilder().setValue((1L << 40) - 5).build()),
        call("getItem of a stocked sku", s -> s.getItem(GetItemRequest.newBuilder().setSku("lamp-3").build()),
            Item.newBuilder().setSku("lamp-3").setQuantity(7)
                .setDims(Dimensions.newBuilder().setWidthCm(10).setHeightCm(20))
                .addTags("stock").setOrigin("warehouse").build()),
        call("reserve within stock",
            s -> s.reserve(ReserveRequest.newBuilder().setSku("desk-42").setQuantity(30).build()),
            ReserveResponse.newBuilder().setValue(70).build()),
        call("ping", s -> s.ping(Empty.getDefaultInstance()), Empty.getDefaultInstance()),
        call("loggedEvents before any event", s -> s.loggedEvents(Empty.getDefaultInstance()),
            LoggedEventsResponse.getDefaultInstance()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("echoes")
  void everyMethodAnswersWithTheExpectedMessage(String description,
      Function<InteropServiceGrpc.InteropServiceBlockingStub, Message> call, Message expected) {
    assertEquals(expected, call.apply(stub));
  }

  @Test
  void echoItemKeepsOptionalFieldsUnset() {
    Item echoed = stub.echoItem(EchoItemRequest.newBuilder().setItem(Item.newBuilder().setSku("pen-1")).build());
    assertFalse(echoed.hasDescription());
    assertFalse(echoed.hasTier());
    assertFalse(echoed.hasPackaging());
    assertFalse(echoed.hasDims());
  }

  static Stream<Arguments> declaredExceptions() {
    return Stream.of(
        Arguments.of("getItem: ItemNotFound",
            (Function<InteropServiceGrpc.InteropServiceBlockingStub, Message>)
                s -> s.getItem(GetItemRequest.newBuilder().setSku("missing").build()),
            Status.Code.NOT_FOUND,
            ItemNotFound.newBuilder().setMessage("no item with sku missing").setSku("missing").build()),
        Arguments.of("reserve: ItemNotFound",
            (Function<InteropServiceGrpc.InteropServiceBlockingStub, Message>)
                s -> s.reserve(ReserveRequest.newBuilder().setSku("missing").setQuantity(5).build()),
            Status.Code.NOT_FOUND,
            ItemNotFound.newBuilder().setMessage("no item with sku missing").setSku("missing").build()),
        Arguments.of("reserve: OutOfStock",
            (Function<InteropServiceGrpc.InteropServiceBlockingStub, Message>)
                s -> s.reserve(ReserveRequest.newBuilder().setSku("desk-42").setQuantity(150).build()),
            Status.Code.FAILED_PRECONDITION,
            OutOfStock.newBuilder().setMessage("sku desk-42: 150 requested, 100 available").setSku("desk-42")
                .setAvailable(100).setRequested(150).build()),
        Arguments.of("reserve: InvalidRequest, without a grpc.code annotation",
            (Function<InteropServiceGrpc.InteropServiceBlockingStub, Message>)
                s -> s.reserve(ReserveRequest.newBuilder().setSku("desk-42").setQuantity(0).build()),
            Status.Code.UNKNOWN,
            InvalidRequest.newBuilder().setMessage("quantity: 0 (expected: at least 1)").setField("quantity").build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("declaredExceptions")
  void declaredExceptionsArriveAsStatusWithTheExceptionInTheDetails(String description,
      Function<InteropServiceGrpc.InteropServiceBlockingStub, Message> call, Status.Code code, Message exception)
      throws InvalidProtocolBufferException {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call.apply(stub));
    assertEquals(code, e.getStatus().getCode());
    String message = (String) exception.getField(exception.getDescriptorForType().findFieldByName("message"));
    assertEquals(message, e.getStatus().getDescription());
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    assertEquals(code.value(), details.getCode());
    assertEquals(message, details.getMessage());
    assertEquals(1, details.getDetailsCount());
    Any any = details.getDetails(0);
    assertEquals("type.googleapis.com/polyglot.interop.v1." + exception.getDescriptorForType().getName(),
        any.getTypeUrl());
    assertEquals(exception, any.unpack(exception.getClass()));
  }

  @Test
  void failUndeclaredIsInternalWithTheMessageAndNoDetails() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.failUndeclared(FailUndeclaredRequest.newBuilder().setMessage("the disk is on fire").build()));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertEquals("the disk is on fire", e.getStatus().getDescription());
    Metadata trailers = Status.trailersFromThrowable(e);
    assertFalse(trailers.containsKey(STATUS_DETAILS), "an undeclared failure carries no grpc-status-details-bin");
  }

  @Test
  void addOverflowIsInternalWithItsMessage() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.add(AddRequest.newBuilder().setLeft(1).setRight(Long.MAX_VALUE).build()));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertEquals("add: 1 + 9223372036854775807 overflows i64", e.getStatus().getDescription());
  }

  @Test
  void logEventIsRecordedAndTheNextCallSeesIt() {
    assertEquals(Empty.getDefaultInstance(), stub.logEvent(LogEventRequest.newBuilder().setEvent("first").build()));
    assertEquals(Empty.getDefaultInstance(), stub.logEvent(LogEventRequest.newBuilder().setEvent("second").build()));
    assertEquals(LoggedEventsResponse.newBuilder().addEvents("first").addEvents("second").build(),
        stub.loggedEvents(Empty.getDefaultInstance()));
    assertEquals(List.of("first", "second"), backend.loggedEvents());
  }

  @Test
  void delaySleepsThenAnswers() {
    long start = System.nanoTime();
    assertEquals(Empty.getDefaultInstance(), stub.delay(DelayRequest.newBuilder().setMillis(50).build()));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsedMillis >= 50, "delay answered after " + elapsedMillis + " ms (expected: at least 50)");
  }

  @Test
  void aOneMebibytePayloadRoundTrips() {
    byte[] payload = new byte[1024 * 1024];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 31 + (i >>> 8));
    }
    EchoBinaryResponse response = stub.echoBinary(
        EchoBinaryRequest.newBuilder().setValue(ByteString.copyFrom(payload)).build());
    assertEquals(ByteString.copyFrom(payload), response.getValue());
  }

  @Test
  void anUnknownMethodIsUnimplemented() {
    MethodDescriptor<Empty, Empty> unknown = MethodDescriptor.<Empty, Empty>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName("polyglot.interop.v1.InteropService/NoSuchMethod")
        .setRequestMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
        .build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, unknown, stub.getCallOptions(), Empty.getDefaultInstance()));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
    assertEquals("Method not found: polyglot.interop.v1.InteropService/NoSuchMethod", e.getStatus().getDescription());
  }

  private static byte[] allBytes() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < 256; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }
}
