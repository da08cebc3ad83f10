package dev.polyglot.conformance.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.interop.v1.DelayRequest;
import dev.polyglot.interop.v1.EchoStringRequest;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deadlines across the bridge: the route's timeout and the caller's deadline, whichever is shorter,
 * bound a call to a slow Thrift backend, and the backend connection that timed out is not reused
 * for the next call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlinesTest {
  RunningBackend backend;
  E2eGateway gateway;
  ManagedChannel channel;

  @BeforeAll
  void start() throws Exception {
    backend = ReferenceBackends.startThrift(0, ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    gateway = E2eGateway.start("""
        backends:
          legacy:
            protocol: thrift
            endpoints: [ "127.0.0.1:%d" ]
            pool_size: 1
        routes:
          - service: polyglot.interop.v1.InteropService
            backend: legacy
            backend_service: interop.Interop
            timeout: 500ms
          - service: interop.Interop
            backend: legacy
            timeout: 500ms
        """.formatted(backend.port()));
    channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.grpcPort()).usePlaintext().build();
    // Warm both paths up (class loading, first connections) so that the timings below measure deadlines only.
    for (int i = 0; i < 3; i++) {
      InteropServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .delay(DelayRequest.newBuilder().setMillis(1).build());
      InteropServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .echoString(EchoStringRequest.newBuilder().setValue("warm").build());
      Http.post(gateway.httpPort(), "/interop.Interop/delay", "{\"millis\": 1}");
      Http.post(gateway.httpPort(), "/interop.Interop/echoString", "{\"value\": \"warm\"}");
    }
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
    gateway.close();
    backend.close();
  }

  @Test
  void theCallersShorterDeadlineEndsTheCallAndTheNextCallIsAnswered() {
    long start = System.nanoTime();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> InteropServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(200, TimeUnit.MILLISECONDS).delay(DelayRequest.newBuilder().setMillis(3000).build()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
    assertTrue(millis < 1500, "ended after " + millis + " ms");
    assertNextCallIsAnsweredPromptly();
  }

  @Test
  void theRoutesShorterTimeoutEndsTheCallAndTheNextCallIsAnswered() {
    long start = System.nanoTime();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> InteropServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS).delay(DelayRequest.newBuilder().setMillis(3000).build()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
    assertTrue(millis >= 450 && millis < 2500, "ended after " + millis + " ms (expected: about the route's 500 ms)");
    assertNextCallIsAnsweredPromptly();
  }

  @Test
  void anHttpCallerPastTheRoutesTimeoutGets504() throws Exception {
    long begin = System.nanoTime();
    Http.Response r = Http.post(gateway.httpPort(), "/interop.Interop/delay", "{\"millis\": 3000}");
    long took = (System.nanoTime() - begin) / 1_000_000;
    assertEquals(504, r.status(), r.body());
    assertTrue(took >= 450 && took < 2500, "answered after " + took + " ms (expected: about the route's 500 ms)");
    assertEquals("deadline_exceeded", HttpCallerSuite.JSON.readTree(r.body()).get("code").asText(), r.body());
    long start = System.nanoTime();
    Http.Response next = Http.post(gateway.httpPort(), "/interop.Interop/echoString", "{\"value\": \"next\"}");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(new Http.Response(200, "\"next\"", next.contentType()), next);
    assertTrue(millis < 2000, "the next call took " + millis + " ms (expected: well under the 3000 ms the slow call sleeps)");
  }

  /** The call after a timed-out one is not held up by the backend still working on the slow one. */
  void assertNextCallIsAnsweredPromptly() {
    long start = System.nanoTime();
    assertEquals("next", InteropServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
        .echoString(EchoStringRequest.newBuilder().setValue("next").build()).getValue());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 2000, "the next call took " + millis + " ms (expected: well under the 3000 ms the slow call sleeps)");
  }
}
