package dev.polyglot.adapters.grpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import dev.polyglot.adapters.grpc.client.GrpcBackendFactory;
import dev.polyglot.adapters.grpc.testing.GatewayFixture;
import dev.polyglot.adapters.grpc.testing.HoldingBackend;
import dev.polyglot.adapters.grpc.testing.v1.EchoRequest;
import dev.polyglot.adapters.grpc.testing.v1.EchoResponse;
import dev.polyglot.adapters.grpc.testing.v1.EchoServiceGrpc;
import dev.polyglot.adapters.grpc.testing.v1.GetItemRequest;
import dev.polyglot.adapters.grpc.testing.v1.Item;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.RouteCacheConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.pipeline.CallPipeline;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gRPC caller that goes away (cancels, lets its deadline pass, closes its connection) while a gRPC
 * backend holds its call: the backend sees its call cancelled and the gateway forgets the call.
 * The route times out after 30 s, so a cancel seen within 2 s can only come from the caller.
 */
class CallerCancelTest {
  private static final Duration WITHIN = Duration.ofSeconds(2);

  private HoldingBackend backend;
  private Gateway gateway;
  private GrpcListener listener;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    backend = HoldingBackend.start();
    GatewayConfig config = GatewayConfig.builder()
        .baseDirectory(GatewayFixture.PROTO_ROOT)
        .idl(GatewayFixture.PROTO_ROOT.resolve("polyglot/grpctest/v1"))
        .listeners(ListenersConfig.NONE)
        .backend(BackendConfig.builder("holding", BackendProtocol.GRPC).endpoint("127.0.0.1", backend.port()).build())
        .route(RouteConfig.builder(GatewayFixture.ECHO_SERVICE, "holding").timeout(Duration.ofSeconds(30))
            .cache(RouteCacheConfig.of(List.of("GetItem"), Duration.ofSeconds(30))).build())
        .shutdownGracePeriod(Duration.ofSeconds(1))
        .build();
    listener = GrpcListener.of(GrpcListenerConfig.of("127.0.0.1", 0));
    gateway = Gateway.builder(config).backendFactory(GrpcBackendFactory.of()).listener(listener).build();
    gateway.start();
    channel = newChannel();
  }

  @AfterEach
  void stop() throws Exception {
    if (channel != null) GatewayFixture.shutdown(channel);
    if (backend != null) backend.releaseAll();
    if (gateway != null) gateway.close();
    if (backend != null) backend.close();
  }

  private ManagedChannel newChannel() {
    return NettyChannelBuilder.forAddress("127.0.0.1", listener.address().getPort()).usePlaintext().build();
  }

  private int inFlight() {
    return ((CallPipeline) gateway.dispatcher()).inFlight();
  }

  /** Waits up to 2 s for the gateway to have no call in flight; returns the last count seen. */
  private int inFlightAfterWaiting() throws InterruptedException {
    long end = System.nanoTime() + WITHIN.toNanos();
    int n = inFlight();
    while (n != 0 && System.nanoTime() < end) {
      Thread.sleep(10);
      n = inFlight();
    }
    return n;
  }

  private static EchoRequest echo(String text) {
    return EchoRequest.newBuilder().setText(text).build();
  }

  @Test
  void aCallerCancelCancelsTheBackendCallAndTheGatewayForgetsTheCall() throws Exception {
    ListenableFuture<EchoResponse> reply = EchoServiceGrpc.newFutureStub(channel).echo(echo("hold-cancel"));
    assertEquals("hold-cancel", backend.nextHeld());
    assertEquals(1, inFlight());

    assertTrue(reply.cancel(true));

    assertEquals("hold-cancel", backend.nextCancelled(WITHIN));
    assertEquals(0, inFlightAfterWaiting());
  }

  @Test
  void aCallerDeadlineThatPassesCancelsTheBackendCall() throws Exception {
    // Connections to the gateway and the backend made first, so that the 200 ms are the call's.
    assertEquals("warm", EchoServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS).echo(echo("warm")).getText());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> EchoServiceGrpc.newBlockingStub(channel).withDeadlineAfter(200, TimeUnit.MILLISECONDS).echo(echo("hold-deadline")));

    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
    assertEquals("hold-deadline", backend.nextHeld());
    assertEquals("hold-deadline", backend.nextCancelled(WITHIN));
    assertEquals(0, inFlightAfterWaiting());
  }

  @Test
  void aCallerWhoseConnectionClosesCancelsTheBackendCall() throws Exception {
    ManagedChannel leaving = newChannel();
    try {
      ListenableFuture<EchoResponse> unused = EchoServiceGrpc.newFutureStub(leaving).echo(echo("hold-connection"));
      assertEquals("hold-connection", backend.nextHeld());

      leaving.shutdownNow();

      assertEquals("hold-connection", backend.nextCancelled(WITHIN));
      assertEquals(0, inFlightAfterWaiting());
    } finally {
      GatewayFixture.shutdown(leaving);
    }
  }

  @Test
  void aCallThatIsNotCancelledGetsItsReplyAndTheBackendSeesNoCancel() throws Exception {
    EchoResponse r = EchoServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS).echo(echo("hello"));

    assertEquals("hello", r.getText());
    assertEquals("holding", r.getServedBy());
    assertEquals(1, backend.calls());
    assertEquals(0, inFlightAfterWaiting());
    assertNull(backend.nextCancelled(Duration.ofMillis(200)));
  }

  @Test
  void aHeldCallThatIsReleasedIsAnsweredAndNotCancelled() throws Exception {
    ListenableFuture<EchoResponse> reply = EchoServiceGrpc.newFutureStub(channel).echo(echo("hold-release"));
    assertEquals("hold-release", backend.nextHeld());

    backend.releaseAll();

    EchoResponse r = reply.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals("hold-release", r.getText());
    assertEquals(0, inFlightAfterWaiting());
    assertNull(backend.nextCancelled(Duration.ofMillis(200)));
  }

  @Test
  void oneCallerCancellingACachedMethodLeavesTheBackendCallForTheOthersWaitingOnIt() throws Exception {
    GetItemRequest request = GetItemRequest.newBuilder().setSku("hold-shared").build();
    ListenableFuture<Item> first = EchoServiceGrpc.newFutureStub(channel).getItem(request);
    assertEquals("hold-shared", backend.nextHeld());
    ListenableFuture<Item> second = EchoServiceGrpc.newFutureStub(channel).getItem(request);
    long end = System.nanoTime() + WITHIN.toNanos();
    while (inFlight() < 2 && System.nanoTime() < end) Thread.sleep(5);
    assertEquals(2, inFlight());

    first.cancel(true);

    assertNull(backend.nextCancelled(Duration.ofMillis(300)));
    backend.releaseAll();
    Item item = second.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals("hold-shared", item.getSku());
    assertEquals("Item hold-shared", item.getName());
    assertEquals(1, backend.calls());
    assertEquals(0, inFlightAfterWaiting());
  }
}
