package dev.polyglot.adapters.grpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.grpc.common.ByteArrayMarshaller;
import dev.polyglot.gateway.cache.ResponseCache;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import dev.polyglot.gateway.pipeline.CallPipeline;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.gateway.route.Router;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listener's own services and lifecycle, over a real call pipeline serving no routes: health
 * {@code SERVING} while started and {@code NOT_SERVING} once it stops accepting, and names with no
 * route answered {@code UNIMPLEMENTED}.
 */
class HealthAndLifecycleTest {
  private GrpcListener listener;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    listener = GrpcListener.of(GrpcListenerConfig.of("127.0.0.1", 0));
    listener.start(new CallPipeline(new Router(() -> RouteSnapshot.EMPTY), List.of(), ResponseCache.builder(1 << 20).build()));
    channel = NettyChannelBuilder.forAddress("127.0.0.1", listener.address().getPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
    listener.close();
  }

  @Test
  void healthIsServingWhileStarted() {
    HealthCheckResponse r = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService("").build());
    assertEquals(ServingStatus.SERVING, r.getStatus());
  }

  @Test
  void healthWatchersAreToldNotServingWhenTheListenerStopsAccepting() throws Exception {
    BlockingQueue<ServingStatus> seen = new LinkedBlockingQueue<>();
    HealthGrpc.newStub(channel).watch(HealthCheckRequest.newBuilder().setService("").build(), new StreamObserver<>() {
      @Override
      public void onNext(HealthCheckResponse value) {
        seen.add(value.getStatus());
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    });
    assertEquals(ServingStatus.SERVING, seen.poll(5, TimeUnit.SECONDS));
    listener.stopAccepting();
    assertEquals(ServingStatus.NOT_SERVING, seen.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void newCallsAreRefusedAfterStopAccepting() {
    listener.stopAccepting();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService("").build()));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
  }

  @Test
  void withNoRoutesEveryServiceIsUnknown() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel,
        ByteArrayMarshaller.unary("acme.v1.Warehouse/GetItem"), CallOptions.DEFAULT, new byte[0]));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
    assertEquals("unknown service acme.v1.Warehouse", e.getStatus().getDescription());
  }

  @Test
  void theBoundAddressIsTheEphemeralPortTaken() {
    assertEquals("127.0.0.1", listener.address().getAddress().getHostAddress());
    assertTrue(listener.address().getPort() > 0);
    assertEquals("grpc", listener.name());
  }

  @Test
  void aPortInUseFailsStartWithTheAddress() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      GrpcListener second = GrpcListener.of(GrpcListenerConfig.of("127.0.0.1", taken.getLocalPort()));
      IOException e = assertThrows(IOException.class,
          () -> second.start(new CallPipeline(new Router(() -> RouteSnapshot.EMPTY), List.of(), ResponseCache.builder(1 << 20).build())));
      assertTrue(e.getMessage().startsWith("grpc listener: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), e.getMessage());
      second.close();
    }
  }
}
