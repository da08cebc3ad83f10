package dev.polyglot.adapters.grpc.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.grpc.testing.GatewayFixture;
import dev.polyglot.adapters.grpc.testing.HoldingBackend;
import dev.polyglot.adapters.grpc.testing.v1.EchoRequest;
import dev.polyglot.adapters.grpc.testing.v1.EchoResponse;
import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cancelling the future of the gRPC backend client against a real backend that holds its calls. */
class BackendCallCancelTest {
  private static HoldingBackend backend;
  private static Backend client;
  private static BackendMethod echo;

  @BeforeAll
  static void start() throws Exception {
    Schema schema = IdlLoader.withIncludePaths(List.of(GatewayFixture.PROTO_ROOT))
        .load(List.of(GatewayFixture.PROTO_ROOT.resolve("polyglot/grpctest/v1/echo.proto")));
    ServiceDef service = schema.requireService(GatewayFixture.ECHO_SERVICE);
    backend = HoldingBackend.start();
    client = GrpcBackendFactory.of().create(BackendConfig.builder("holding", BackendProtocol.GRPC).endpoint("127.0.0.1", backend.port()).build());
    echo = client.bind(schema, service, service.method("Echo").orElseThrow());
  }

  @AfterAll
  static void stop() throws Exception {
    if (backend != null) backend.releaseAll();
    if (client != null) client.close();
    if (backend != null) backend.close();
  }

  private static CompletableFuture<Reply> call(String text) {
    return echo.call(EchoRequest.newBuilder().setText(text).build().toByteArray(), Deadline.afterNanos(Duration.ofSeconds(30).toNanos()), Metadata.EMPTY);
  }

  @Test
  void cancellingTheReturnedFutureCancelsTheBackendCall() throws Exception {
    CompletableFuture<Reply> reply = call("hold-client");
    assertEquals("hold-client", backend.nextHeld());

    assertTrue(reply.cancel(false));

    assertEquals("hold-client", backend.nextCancelled(Duration.ofSeconds(2)));
    assertTrue(reply.isCancelled());
  }

  @Test
  void cancellingAFutureAlreadyAnsweredCancelsNothing() throws Exception {
    CompletableFuture<Reply> reply = call("answered");
    Reply r = reply.get(5, TimeUnit.SECONDS);

    assertFalse(reply.cancel(false));

    assertArrayEquals(EchoResponse.newBuilder().setText("answered").setServedBy("holding").build().toByteArray(), r.payload());
    assertNull(backend.nextCancelled(Duration.ofMillis(200)));
  }

  @Test
  void stagesDependingOnTheReturnedFutureArePlainFutures() throws Exception {
    CompletableFuture<Reply> reply = call("hold-stage");
    assertEquals("hold-stage", backend.nextHeld());
    CompletableFuture<Reply> stage = reply.thenApply(r -> r);

    assertTrue(stage.cancel(false));

    // Cancelling a dependent stage is not cancelling the call: only the returned future's cancel is.
    assertNull(backend.nextCancelled(Duration.ofMillis(300)));
    assertTrue(reply.cancel(false));
    assertEquals("hold-stage", backend.nextCancelled(Duration.ofSeconds(2)));
  }
}
