package dev.polyglot.adapters.grpc.server;

import static dev.polyglot.adapters.grpc.testing.GatewayFixture.ECHO_SERVICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import dev.polyglot.adapters.grpc.common.ByteArrayMarshaller;
import dev.polyglot.adapters.grpc.testing.EchoBackend;
import dev.polyglot.adapters.grpc.testing.GatewayFixture;
import dev.polyglot.adapters.grpc.testing.v1.Color;
import dev.polyglot.adapters.grpc.testing.v1.DarkServiceGrpc;
import dev.polyglot.adapters.grpc.testing.v1.EchoRequest;
import dev.polyglot.adapters.grpc.testing.v1.EchoResponse;
import dev.polyglot.adapters.grpc.testing.v1.EchoServiceGrpc;
import dev.polyglot.adapters.grpc.testing.v1.GetItemRequest;
import dev.polyglot.adapters.grpc.testing.v1.Item;
import dev.polyglot.adapters.grpc.testing.v1.ItemNotFound;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * gRPC callers through the gateway's gRPC listener to a gRPC backend over a pass-through route, with
 * generated stubs on both ends (see {@link GatewayFixture}).
 */
class GrpcListenerTest {
  private static GatewayFixture fixture;
  private static ManagedChannel channel;
  private static EchoServiceGrpc.EchoServiceBlockingStub echo;

  @BeforeAll
  static void startGateway() throws Exception {
    fixture = GatewayFixture.start();
    channel = fixture.newChannel();
    echo = EchoServiceGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void stopGateway() throws Exception {
    if (channel != null) GatewayFixture.shutdown(channel);
    if (fixture != null) fixture.close();
  }

  @BeforeEach
  void forgetEarlierCalls() {
    fixture.echo.resetCalls();
  }

  private static EchoRequest request(String text) {
    return EchoRequest.newBuilder().setText(text).setNumber(-(1L << 40) - 3).setBlob(ByteString.copyFrom(new byte[] {0, 1, (byte) 0xff})).build();
  }

  @Test
  void aUnaryCallPassesThroughWithTheExactValues() {
    byte[] blob = new byte[256];
    for (int i = 0; i < blob.length; i++) blob[i] = (byte) i;
    EchoResponse r = echo.echo(EchoRequest.newBuilder().setText("héllo, 世界").setNumber(Long.MIN_VALUE).setBlob(ByteString.copyFrom(blob)).build());
    assertEquals(EchoResponse.newBuilder().setText("héllo, 世界").setNumber(Long.MIN_VALUE).setBlob(ByteString.copyFrom(blob)).setServedBy("echo").build(), r);
  }

  @Test
  void messagesWithImportedTypesAndEmptyMessagesPassThrough() {
    Item item = echo.getItem(GetItemRequest.newBuilder().setSku("A-1").build());
    assertEquals(Item.newBuilder().setSku("A-1").setName("Item A-1").setUpdated(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5))
        .setColor(Color.COLOR_RED).build(), item);
    assertEquals(Empty.getDefaultInstance(), echo.ping(Empty.getDefaultInstance()));
  }

  @Test
  void aOneMebibytePayloadPassesThrough() {
    byte[] blob = new byte[1 << 20];
    for (int i = 0; i < blob.length; i++) blob[i] = (byte) (i * 31);
    EchoResponse r = echo.echo(EchoRequest.newBuilder().setBlob(ByteString.copyFrom(blob)).build());
    assertArrayEquals(blob, r.getBlob().toByteArray());
  }

  @Test
  void aRequestOverTheListenersSizeLimitIsRefusedWithResourceExhausted() {
    byte[] blob = new byte[(int) GrpcListenerConfig.DEFAULT_MAX_MESSAGE_BYTES];
    EchoRequest big = EchoRequest.newBuilder().setBlob(ByteString.copyFrom(blob)).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> echo.echo(big));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    assertEquals("gRPC message exceeds maximum size " + GrpcListenerConfig.DEFAULT_MAX_MESSAGE_BYTES + ": " + big.getSerializedSize(),
        e.getStatus().getDescription());
    assertEquals(0, fixture.echo.calls());
    assertEquals("still fine", echo.echo(request("still fine")).getText());
  }

  @Test
  void aDeclaredErrorReachesTheCallerWithItsStatusAndDetails() throws Exception {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> echo.getItem(GetItemRequest.newBuilder().setSku("missing").build()));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    assertEquals("no item missing", e.getStatus().getDescription());
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    assertEquals(Status.Code.NOT_FOUND.value(), details.getCode());
    assertEquals("no item missing", details.getMessage());
    assertEquals(1, details.getDetailsCount());
    assertEquals("type.googleapis.com/polyglot.grpctest.v1.ItemNotFound", details.getDetails(0).getTypeUrl());
    assertEquals(ItemNotFound.newBuilder().setSku("missing").setWarehouse(EchoBackend.MISSING_WAREHOUSE).build(), details.getDetails(0).unpack(ItemNotFound.class));
  }

  @Test
  void theBackendSeesADeadlineNoLaterThanTheCallers() throws Exception {
    long callerNanos = TimeUnit.MILLISECONDS.toNanos(1500);
    echo.withDeadlineAfter(callerNanos, TimeUnit.NANOSECONDS).echo(request("timed"));
    long seen = fixture.echo.nextObserved().deadlineNanos();
    assertTrue(seen > 0 && seen <= callerNanos, "backend deadline " + seen + " ns (expected: 0 < it <= " + callerNanos + ")");
  }

  @Test
  void withoutACallerDeadlineTheBackendSeesTheRouteTimeout() throws Exception {
    echo.echo(request("untimed"));
    long seen = fixture.echo.nextObserved().deadlineNanos();
    long route = GatewayFixture.ROUTE_TIMEOUT.toNanos();
    assertTrue(seen > route - TimeUnit.SECONDS.toNanos(1) && seen <= route, "backend deadline " + seen + " ns (expected: just under " + route + ")");
  }

  @Test
  void aSlowBackendEndsInDeadlineExceededAtTheCaller() throws Exception {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> echo.withDeadlineAfter(10, TimeUnit.SECONDS).echo(request("slow").toBuilder().setDelayMillis(4_000).build()));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
    // The route's 2 s timeout ends the call; the gateway's timer and the backend client's gRPC deadline
    // fire at the same instant, so either of the two gateway messages may win.
    assertTrue(Set.of("no reply from backend echo within 2s", "no reply from backend echo before the deadline").contains(e.getStatus().getDescription()),
        e.getStatus().getDescription());
    assertTrue(fixture.echo.nextObserved().deadlineNanos() <= GatewayFixture.ROUTE_TIMEOUT.toNanos());
  }

  @Test
  void customAsciiAndBinaryHeadersReachTheBackend() throws Exception {
    Metadata headers = new Metadata();
    Metadata.Key<String> requestId = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    Metadata.Key<byte[]> trace = Metadata.Key.of("x-trace-bin", Metadata.BINARY_BYTE_MARSHALLER);
    headers.put(requestId, "42");
    headers.put(requestId, "43");
    headers.put(trace, new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff});
    echo.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).echo(request("headers"));
    Metadata seen = fixture.echo.nextObserved().headers();
    assertEquals(List.of("42", "43"), iterable(seen.getAll(requestId)));
    assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff}, seen.get(trace));
    // The caller's own hop headers stay behind: the backend sees the gateway's user agent.
    assertTrue(seen.get(Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER)).startsWith("polyglot-gateway "));
  }

  private static <T> List<T> iterable(Iterable<T> values) {
    List<T> out = new ArrayList<>();
    if (values != null) values.forEach(out::add);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "polyglot.grpctest.v1.NoSuchService/Echo | unknown service polyglot.grpctest.v1.NoSuchService",
      "polyglot.grpctest.v1.EchoService/NoSuchMethod | unknown method NoSuchMethod of service polyglot.grpctest.v1.EchoService",
      "polyglot.grpctest.v1.EchoService/echo | unknown method echo of service polyglot.grpctest.v1.EchoService",
      "EchoService/Echo | unknown service EchoService",
      "polyglot.grpctest.v1.EchoService/Watch | method polyglot.grpctest.v1.EchoService/Watch is server-streaming; the gateway forwards unary methods only",
      "NoSlash | malformed method name NoSlash (expected: package.Service/Method)",
  })
  void unknownServicesAndMethodsAreUnimplementedWithAMessage(String method, String message) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, ByteArrayMarshaller.unary(method), CallOptions.DEFAULT, request("x").toByteArray()));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
    assertEquals(message, e.getStatus().getDescription());
  }

  @Test
  void aStreamingMethodCalledWithTheGeneratedStubIsUnimplemented() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> echo.watch(request("w")).hasNext());
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
    assertEquals("method polyglot.grpctest.v1.EchoService/Watch is server-streaming; the gateway forwards unary methods only", e.getStatus().getDescription());
  }

  @Test
  void aDeadBackendIsUnavailable() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> DarkServiceGrpc.newBlockingStub(channel).echo(request("dark")));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    assertEquals("backend dark is unavailable", e.getStatus().getDescription());
  }

  /** What the backend itself answers to undecodable request bytes, called directly. */
  private static Status backendVerdictOnGarbage(byte[] garbage) throws InterruptedException {
    ManagedChannel direct = NettyChannelBuilder.forAddress("127.0.0.1", fixture.echo.port()).usePlaintext().build();
    try {
      return assertThrows(StatusRuntimeException.class,
          () -> ClientCalls.blockingUnaryCall(direct, ByteArrayMarshaller.unary(ECHO_SERVICE + "/Echo"), CallOptions.DEFAULT, garbage)).getStatus();
    } finally {
      GatewayFixture.shutdown(direct);
    }
  }

  @Test
  void garbageRequestBytesReachTheBackendAndItsOwnErrorSurfacesWhileHealthyCallsSucceed() throws Exception {
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    Status direct = backendVerdictOnGarbage(garbage);
    // grpc-java's server answers a request it cannot parse with UNKNOWN and this text.
    assertEquals(Status.Code.UNKNOWN, direct.getCode());
    assertEquals("Application error processing RPC", direct.getDescription());

    ManagedChannel bad = fixture.newChannel();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<List<Status>> badCalls = threads.submit(() -> {
        List<Status> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          out.add(assertThrows(StatusRuntimeException.class,
              () -> ClientCalls.blockingUnaryCall(bad, ByteArrayMarshaller.unary(ECHO_SERVICE + "/Echo"), CallOptions.DEFAULT, garbage)).getStatus());
        }
        return out;
      });
      Future<List<EchoResponse>> goodCalls = threads.submit(() -> {
        List<EchoResponse> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) out.add(echo.echo(request("good " + i)));
        return out;
      });
      List<Status> statuses = badCalls.get(30, TimeUnit.SECONDS);
      for (Status s : statuses) {
        assertEquals(direct.getCode(), s.getCode());
        assertEquals(direct.getDescription(), s.getDescription());
      }
      List<EchoResponse> good = goodCalls.get(30, TimeUnit.SECONDS);
      for (int i = 0; i < good.size(); i++) assertEquals("good " + i, good.get(i).getText());
      assertEquals(40, good.size());
    } finally {
      threads.shutdownNow();
      GatewayFixture.shutdown(bad);
    }
    EchoRequest after = request("after");
    assertEquals(EchoResponse.newBuilder().setText("after").setNumber(after.getNumber()).setBlob(after.getBlob()).setServedBy("echo").build(), echo.echo(after));
  }
}
