package dev.polyglot.conformance.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.interop.v1.EchoStringRequest;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two gateways joined in one Hazelcast cluster over TCP on 127.0.0.1: a route applied through one
 * member's admin API is served by the other member's listeners — which started with no IDL of its
 * own and took the IDLs from the cluster — and keeps being served when the first member stops.
 */
class TwoMemberClusterTest {

  @Test
  void aRouteAppliedOnOneMemberIsServedByTheOtherWithinASecondAndSurvivesTheFirstStopping() throws Exception {
    int portA = freePort();
    int portB = freePort();
    String cluster = """
        cluster:
          name: e2e-%d
          port: %%d
          members: [ "127.0.0.1:%d", "127.0.0.1:%d" ]
        """.formatted(portA, portA, portB);
    try (RunningBackend backend = ReferenceBackends.startGrpc(0);
        E2eGateway a = E2eGateway.start(cluster.formatted(portA));
        // B lists no IDL: it gets the IDLs from the cluster when it joins.
        E2eGateway b = E2eGateway.start("shutdown: { grace_period: 1s }\n" + cluster.formatted(portB), E2eGateway.LISTENERS)) {
      assertEquals(2, a.gateway.routeTable().clusterSize(), "members seen by A");
      assertEquals(2, b.gateway.routeTable().clusterSize(), "members seen by B");
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", b.grpcPort()).usePlaintext().build();
      try {
        var stub = InteropServiceGrpc.newBlockingStub(channel);
        EchoStringRequest hello = EchoStringRequest.newBuilder().setValue("hello from B").build();
        StatusRuntimeException before = assertThrows(StatusRuntimeException.class,
            () -> stub.withDeadlineAfter(5, TimeUnit.SECONDS).echoString(hello));
        assertEquals(Status.Code.UNIMPLEMENTED, before.getStatus().getCode());

        Http.Response backendPut = Http.put(a.adminPort(), "/backends/modern",
            "{\"protocol\": \"grpc\", \"endpoints\": [\"127.0.0.1:" + backend.port() + "\"]}");
        assertEquals(200, backendPut.status(), backendPut.body());
        Http.Response routePut = Http.put(a.adminPort(), "/routes/polyglot.interop.v1.InteropService",
            "{\"backend\": \"modern\"}");
        assertEquals(200, routePut.status(), routePut.body());
        long applied = System.nanoTime();

        String answer = null;
        while (answer == null && System.nanoTime() - applied < 1_000_000_000L) {
          try {
            answer = stub.withDeadlineAfter(1, TimeUnit.SECONDS).echoString(hello).getValue();
          } catch (StatusRuntimeException e) {
            assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode(), "before the route arrives");
            Thread.sleep(10);
          }
        }
        long millis = (System.nanoTime() - applied) / 1_000_000;
        assertEquals("hello from B", answer, "B served the route " + millis + " ms after A applied it");
        assertTrue(millis < 1000, "served after " + millis + " ms (expected: within a second)");

        a.close();
        // B learns of A's departure asynchronously; it serves from its own snapshot meanwhile.
        long stopped = System.nanoTime();
        while (b.gateway.routeTable().clusterSize() != 1 && System.nanoTime() - stopped < 10_000_000_000L) {
          assertEquals("during", stub.withDeadlineAfter(5, TimeUnit.SECONDS)
              .echoString(EchoStringRequest.newBuilder().setValue("during").build()).getValue());
          Thread.sleep(50);
        }
        assertEquals(1, b.gateway.routeTable().clusterSize(), "members seen by B after A stopped");
        for (int i = 0; i < 3; i++) {
          EchoStringRequest after = EchoStringRequest.newBuilder().setValue("still served " + i).build();
          assertEquals("still served " + i, stub.withDeadlineAfter(5, TimeUnit.SECONDS).echoString(after).getValue());
        }
      } finally {
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** A port that was free a moment ago (Hazelcast needs fixed member addresses to join). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
