package dev.polyglot.adapters.grpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.grpc.testing.GatewayFixture;
import dev.polyglot.gateway.pipeline.CallFilter;
import dev.polyglot.adapters.grpc.testing.v1.EchoRequest;
import dev.polyglot.adapters.grpc.testing.v1.EchoServiceGrpc;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gRPC caller's call to a gRPC backend stays on one event loop: the pipeline runs on the loop that
 * read the call, and the backend's reply completes on that same loop (the backend channel of that
 * loop carried it), so no call changes threads (EventLoops).
 */
class EventLoopAffinityTest {
  /** "dispatch thread -> reply thread", one per call, as a filter first in the pipeline saw them. */
  private static final List<String> threads = new CopyOnWriteArrayList<>();
  private static GatewayFixture fixture;
  private static ManagedChannel channel;

  @BeforeAll
  static void startGateway() throws Exception {
    CallFilter watch = (call, chain) -> {
      String dispatching = Thread.currentThread().getName();
      return chain.proceed(call).whenComplete((r, t) -> threads.add(dispatching + " -> " + Thread.currentThread().getName()));
    };
    fixture = GatewayFixture.start(List.of(watch));
    channel = fixture.newChannel();
  }

  @AfterAll
  static void stop() throws Exception {
    if (channel != null) GatewayFixture.shutdown(channel);
    if (fixture != null) fixture.close();
  }

  @Test
  void aCallAndItsBackendReplyRunOnTheSameSharedEventLoop() {
    EchoServiceGrpc.EchoServiceBlockingStub echo = EchoServiceGrpc.newBlockingStub(channel);
    for (int i = 0; i < 20; i++) assertEquals("call " + i, echo.echo(EchoRequest.newBuilder().setText("call " + i).build()).getText());
    assertEquals(20, threads.size());
    for (String pair : threads) {
      String[] t = pair.split(" -> ");
      assertTrue(t[0].startsWith("polyglot-grpc-"), "dispatched on " + t[0]);
      assertEquals(t[0], t[1], "reply completed on another thread: " + pair);
    }
  }
}
