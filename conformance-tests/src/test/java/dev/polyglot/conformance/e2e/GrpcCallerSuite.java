package dev.polyglot.conformance.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.testing.InteropValues;
import dev.polyglot.interop.v1.AddRequest;
import dev.polyglot.interop.v1.AllTypes;
import dev.polyglot.interop.v1.Containers;
import dev.polyglot.interop.v1.Dimensions;
import dev.polyglot.interop.v1.EchoAllTypesRequest;
import dev.polyglot.interop.v1.EchoBinaryRequest;
import dev.polyglot.interop.v1.EchoBoolRequest;
import dev.polyglot.interop.v1.EchoByteRequest;
import dev.polyglot.interop.v1.EchoContainersRequest;
import dev.polyglot.interop.v1.EchoDoubleRequest;
import dev.polyglot.interop.v1.EchoEnumRequest;
import dev.polyglot.interop.v1.EchoGroupsRequest;
import dev.polyglot.interop.v1.EchoI16Request;
import dev.polyglot.interop.v1.EchoI32Request;
import dev.polyglot.interop.v1.EchoI64Request;
import dev.polyglot.interop.v1.EchoItemRequest;
import dev.polyglot.interop.v1.EchoMapRequest;
import dev.polyglot.interop.v1.EchoMatrixRequest;
import dev.polyglot.interop.v1.EchoStringListRequest;
import dev.polyglot.interop.v1.EchoStringRequest;
import dev.polyglot.interop.v1.EchoStringSetRequest;
import dev.polyglot.interop.v1.EchoUnionRequest;
import dev.polyglot.interop.v1.EchoUuidRequest;
import dev.polyglot.interop.v1.FailUndeclaredRequest;
import dev.polyglot.interop.v1.GetItemRequest;
import dev.polyglot.interop.v1.Int32List;
import dev.polyglot.interop.v1.Int64List;
import dev.polyglot.interop.v1.InteropServiceGrpc.InteropServiceBlockingStub;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import dev.polyglot.interop.v1.InvalidRequest;
import dev.polyglot.interop.v1.Item;
import dev.polyglot.interop.v1.ItemNotFound;
import dev.polyglot.interop.v1.LogEventRequest;
import dev.polyglot.interop.v1.MemberTier;
import dev.polyglot.interop.v1.OutOfStock;
import dev.polyglot.interop.v1.Payload;
import dev.polyglot.interop.v1.ReserveRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * gRPC callers of {@code polyglot.interop.v1.InteropService} (grpc-java generated stubs) through one
 * gateway to one backend. Subclasses pick the backend and the route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GrpcCallerSuite {
  static final Item FULL_ITEM = Item.newBuilder()
      .setSku("desk-42").setDescription("a desk").setQuantity(3)
      .setDims(Dimensions.newBuilder().setWidthCm(120).setHeightCm(75))
      .setPackaging(Dimensions.newBuilder().setWidthCm(130).setHeightCm(80).setDepthCm(15))
      .addTags("wood").addTags("oak").setTier(MemberTier.MEMBER_TIER_GOLD).setOrigin("factory")
      .build();

  RunningBackend backend;
  E2eGateway gateway;
  ManagedChannel channel;
  InteropServiceBlockingStub stub;

  abstract RunningBackend startBackend();

  abstract String backendsAndRoutes(int backendPort);

  /** The status a gRPC caller gets when the backend fails with an undeclared error carrying {@code message}. */
  abstract Status undeclaredFailure(String message);

  @BeforeAll
  void start() throws Exception {
    backend = startBackend();
    try {
      gateway = E2eGateway.start(backendsAndRoutes(backend.port()));
    } catch (Exception e) {
      backend.close();
      throw e;
    }
    channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.grpcPort()).usePlaintext()
        .maxInboundMessageSize(16 << 20).build();
    stub = InteropServiceGrpc.newBlockingStub(channel);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow();
      channel.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (gateway != null) gateway.close();
    backend.close();
  }

  InteropServiceBlockingStub stub() {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Test
  void everyScalarTypeComesBackUnchanged() {
    assertTrue(stub().echoBool(EchoBoolRequest.newBuilder().setValue(true).build()).getValue());
    assertEquals(-128, stub().echoByte(EchoByteRequest.newBuilder().setValue(-128).build()).getValue());
    assertEquals(32767, stub().echoI16(EchoI16Request.newBuilder().setValue(32767).build()).getValue());
    assertEquals(Integer.MIN_VALUE, stub().echoI32(EchoI32Request.newBuilder().setValue(Integer.MIN_VALUE).build()).getValue());
    assertEquals(Long.MAX_VALUE, stub().echoI64(EchoI64Request.newBuilder().setValue(Long.MAX_VALUE).build()).getValue());
    assertEquals(Double.doubleToRawLongBits(-1e-300),
        Double.doubleToRawLongBits(stub().echoDouble(EchoDoubleRequest.newBuilder().setValue(-1e-300).build()).getValue()));
    assertTrue(Double.isNaN(stub().echoDouble(EchoDoubleRequest.newBuilder().setValue(Double.NaN).build()).getValue()));
    String text = "Ελληνικά, العربية, 日本語, emoji 🧪, \"\\\u0000";
    assertEquals(text, stub().echoString(EchoStringRequest.newBuilder().setValue(text).build()).getValue());
    ByteString bytes = ByteString.copyFrom(InteropValues.ALL_BYTES);
    assertEquals(bytes, stub().echoBinary(EchoBinaryRequest.newBuilder().setValue(bytes).build()).getValue());
    assertEquals("123e4567-e89b-12d3-a456-426614174000",
        stub().echoUuid(EchoUuidRequest.newBuilder().setValue("123e4567-e89b-12d3-a456-426614174000").build()).getValue());
    assertEquals(MemberTier.MEMBER_TIER_PLATINUM,
        stub().echoEnum(EchoEnumRequest.newBuilder().setValue(MemberTier.MEMBER_TIER_PLATINUM).build()).getValue());
  }

  @Test
  void structsUnionsAndContainersComeBackUnchanged() {
    AllTypes all = AllTypes.newBuilder().setBoolField(true).setByteField(-128).setI16Field(32767)
        .setI32Field(Integer.MIN_VALUE).setI64Field(Long.MAX_VALUE).setDoubleField(-0.5)
        .setStringField("Grüße, 世界 🌍").setBinaryField(ByteString.copyFrom(InteropValues.ALL_BYTES))
        .setUuidField("0b6c4d8e-1f2a-4c3b-9d8e-7f6a5b4c3d2e").setTier(MemberTier.MEMBER_TIER_PLATINUM)
        .setUserId((1L << 53) + 1).build();
    assertEquals(all, stub().echoAllTypes(EchoAllTypesRequest.newBuilder().setValue(all).build()));
    assertEquals(FULL_ITEM, stub().echoItem(EchoItemRequest.newBuilder().setItem(FULL_ITEM).build()));
    Payload number = Payload.newBuilder().setNumber(-7).build();
    assertEquals(number, stub().echoUnion(EchoUnionRequest.newBuilder().setPayload(number).build()));
    Payload item = Payload.newBuilder().setItem(FULL_ITEM).build();
    assertEquals(item, stub().echoUnion(EchoUnionRequest.newBuilder().setPayload(item).build()));
    Containers containers = Containers.newBuilder()
        .addInts(1).addInts(-2).addInts(3)
        .addNames("alpha").addNames("βeta")
        .putCounts("big", 1L << 32).putCounts("negative", -1)
        .addMatrix(Int32List.newBuilder().addValues(1).addValues(2)).addMatrix(Int32List.getDefaultInstance())
        .putGroups("evens", Int64List.newBuilder().addValues(2).addValues(4).build())
        .putLabels(-1, "minus one").putLabels(20, "twenty")
        .addItems(FULL_ITEM)
        .addTiers(MemberTier.MEMBER_TIER_BRONZE).addTiers(MemberTier.MEMBER_TIER_PLATINUM)
        .putSizes("small", Dimensions.newBuilder().setWidthCm(1).setHeightCm(2).build())
        .addBlobs(ByteString.copyFrom(new byte[] {0, -1})).addBlobs(ByteString.EMPTY)
        .build();
    assertEquals(containers, stub().echoContainers(EchoContainersRequest.newBuilder().setValue(containers).build()));
    assertEquals(List.of("b", "", "a", "b"), stub().echoStringList(
        EchoStringListRequest.newBuilder().addAllValues(List.of("b", "", "a", "b")).build()).getValuesList());
    assertEquals(List.of("x", "y"), stub().echoStringSet(
        EchoStringSetRequest.newBuilder().addAllValues(List.of("x", "y")).build()).getValuesList());
    assertEquals(java.util.Map.of(Integer.MIN_VALUE, "min", 0, ""), stub().echoMap(
        EchoMapRequest.newBuilder().putValue(Integer.MIN_VALUE, "min").putValue(0, "").build()).getValueMap());
    List<Int32List> matrix = List.of(Int32List.newBuilder().addValues(1).build(), Int32List.getDefaultInstance());
    assertEquals(matrix, stub().echoMatrix(EchoMatrixRequest.newBuilder().addAllMatrix(matrix).build()).getMatrixList());
    java.util.Map<String, Int64List> groups = java.util.Map.of("a", Int64List.newBuilder().addValues(Long.MIN_VALUE).build(),
        "b", Int64List.getDefaultInstance());
    assertEquals(groups, stub().echoGroups(EchoGroupsRequest.newBuilder().putAllGroups(groups).build()).getGroupsMap());
    assertEquals((1L << 40) - 5, stub().add(AddRequest.newBuilder().setLeft(-5).setRight(1L << 40).build()).getValue());
  }

  @Test
  void unsetOptionalFieldsStayUnset() {
    Item minimal = Item.newBuilder().setSku("pen-1").build();
    Item back = stub().echoItem(EchoItemRequest.newBuilder().setItem(minimal).build());
    assertFalse(back.hasDescription(), "description is unset");
    assertFalse(back.hasPackaging(), "packaging is unset");
    assertFalse(back.hasTier(), "tier is unset");
    assertEquals("pen-1", back.getSku());
    assertEquals(expectedMinimalItem(), back);
  }

  /** What echoItem returns for an item with only its sku set (a Thrift backend fills in its IDL defaults). */
  abstract Item expectedMinimalItem();

  @Test
  void aDeclaredExceptionIsItsStatusCodeWithTheExceptionInTheDetails() throws InvalidProtocolBufferException {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub().getItem(GetItemRequest.newBuilder().setSku("missing").build()));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    assertEquals("no item with sku missing", e.getStatus().getDescription());
    assertEquals(ItemNotFound.newBuilder().setMessage("no item with sku missing").setSku("missing").build(),
        onlyDetail(e, ItemNotFound.class));
  }

  @Test
  void eachOfSeveralDeclaredExceptionsHasItsOwnCodeAndDetail() throws InvalidProtocolBufferException {
    assertEquals(70, stub().reserve(ReserveRequest.newBuilder().setSku("desk-42").setQuantity(30).build()).getValue());
    StatusRuntimeException out = assertThrows(StatusRuntimeException.class,
        () -> stub().reserve(ReserveRequest.newBuilder().setSku("desk-42").setQuantity(150).build()));
    assertEquals(Status.Code.FAILED_PRECONDITION, out.getStatus().getCode());
    assertEquals("sku desk-42: 150 requested, 100 available", out.getStatus().getDescription());
    assertEquals(OutOfStock.newBuilder().setMessage("sku desk-42: 150 requested, 100 available").setSku("desk-42")
        .setAvailable(100).setRequested(150).build(), onlyDetail(out, OutOfStock.class));
    StatusRuntimeException invalid = assertThrows(StatusRuntimeException.class,
        () -> stub().reserve(ReserveRequest.newBuilder().setSku("desk-42").setQuantity(0).build()));
    assertEquals(Status.Code.UNKNOWN, invalid.getStatus().getCode());
    assertEquals("quantity: 0 (expected: at least 1)", invalid.getStatus().getDescription());
    assertEquals(InvalidRequest.newBuilder().setMessage("quantity: 0 (expected: at least 1)").setField("quantity").build(),
        onlyDetail(invalid, InvalidRequest.class));
  }

  @Test
  void anUndeclaredFailureHasNoDetails() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub().failUndeclared(FailUndeclaredRequest.newBuilder().setMessage("the disk is on fire").build()));
    Status expected = undeclaredFailure("the disk is on fire");
    assertEquals(expected.getCode(), e.getStatus().getCode());
    assertEquals(expected.getDescription(), e.getStatus().getDescription());
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    assertTrue(details == null || details.getDetailsCount() == 0, "no details: " + details);
  }

  @Test
  void aOnewayMethodsEventReachesTheBackend() throws InterruptedException {
    String event = "grpc event " + System.nanoTime();
    assertEquals(Empty.getDefaultInstance(), stub().logEvent(LogEventRequest.newBuilder().setEvent(event).build()));
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> seen = stub().loggedEvents(Empty.getDefaultInstance()).getEventsList();
    while (!seen.contains(event) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      seen = stub().loggedEvents(Empty.getDefaultInstance()).getEventsList();
    }
    assertEquals(backend.loggedEvents(), seen);
    assertEquals(event, seen.get(seen.size() - 1));
  }

  @Test
  void aOneMebibytePayloadRoundTrips() {
    ByteString payload = ByteString.copyFrom(InteropValues.mebibyte());
    assertEquals(payload, stub().echoBinary(EchoBinaryRequest.newBuilder().setValue(payload).build()).getValue());
  }

  static <T extends Message> T onlyDetail(StatusRuntimeException e, Class<T> type) throws InvalidProtocolBufferException {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) throw new AssertionError("no google.rpc.Status details in " + e.getStatus());
    assertEquals(e.getStatus().getCode().value(), status.getCode(), "details' code");
    assertEquals(1, status.getDetailsCount(), "number of details");
    Any any = status.getDetails(0);
    return any.unpack(type);
  }
}
