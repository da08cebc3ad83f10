package dev.polyglot.gateway.pipeline;

import static dev.polyglot.gateway.pipeline.PipelineFixture.itemRequest;
import static dev.polyglot.gateway.pipeline.PipelineFixture.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.call.StatusException;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CallPipelineTest {
  static final RouteConfig ROUTE = RouteConfig.builder("acme.v1.WarehouseService", "new-grpc").timeout(Duration.ofMillis(50)).build();
  static final String SERVICE = "acme.v1.WarehouseService";

  @Test
  void aCallReachesTheBackendAndItsReplyComesBack() {
    PipelineFixture f = new PipelineFixture(1024, List.of());
    f.serve(ROUTE);
    byte[] request = itemRequest(7, "red", false);

    Reply reply = f.call("GetItem", request);

    assertEquals(WireFormat.PROTOBUF, reply.format());
    assertArrayEquals(message(1, 1, request), reply.payload());
    assertEquals(0, f.pipeline.inFlight());
  }

  @Test
  void aBackendThatDoesNotAnswerWithinTheRouteTimeoutGivesDeadlineExceeded() {
    PipelineFixture f = new PipelineFixture(1024, List.of());
    f.serve(ROUTE);
    f.backend().holdReplies();

    Reply reply = f.call("GetItem", itemRequest(7, "red", false));

    assertEquals(StatusCode.DEADLINE_EXCEEDED, reply.status().code());
    assertEquals("no reply from backend new-grpc within 50ms", reply.status().message());
    f.backend().releaseReplies();
  }

  @Test
  void aCallerDeadlineThatHasPassedIsNotSent() {
    PipelineFixture f = new PipelineFixture(1024, List.of());
    f.serve(ROUTE);
    RouteMethod m = f.pipeline.router().resolve(SERVICE, "GetItem");

    Reply reply = f.pipeline.dispatch(m, new Call(SERVICE, "GetItem", WireFormat.PROTOBUF, new byte[0], Deadline.afterNanos(-1), Metadata.EMPTY)).join();

    assertEquals(StatusCode.DEADLINE_EXCEEDED, reply.status().code());
    assertEquals("deadline exceeded before the call was sent", reply.status().message());
    assertEquals(0, f.backend().calls("GetItem"));
  }

  @Test
  void filtersRunFirstOnTheCallersCallAndMayAnswerWithAStatus() {
    List<String> seen = new CopyOnWriteArrayList<>();
    CallFilter audit = (rc, chain) -> {
      seen.add(rc.call().format() + " " + rc.call().metadata().get("x-user"));
      return chain.proceed(rc);
    };
    CallFilter deny = (rc, chain) -> {
      if ("mallory".equals(rc.call().metadata().get("x-user"))) throw new StatusException(Status.of(StatusCode.PERMISSION_DENIED, "not for you"));
      return chain.proceed(rc);
    };
    PipelineFixture f = new PipelineFixture(1024, List.of(audit, deny));
    f.serve(ROUTE);
    RouteMethod m = f.pipeline.router().resolve(SERVICE, "GetItem");

    Reply denied = f.pipeline.dispatch(m, new Call(SERVICE, "GetItem", WireFormat.PROTOBUF, new byte[0], Deadline.NONE, Metadata.of("X-User", "mallory"))).join();
    Reply allowed = f.pipeline.dispatch(m, new Call(SERVICE, "GetItem", WireFormat.PROTOBUF, new byte[0], Deadline.NONE, Metadata.of("x-user", "alice"))).join();

    assertEquals(List.of("PROTOBUF mallory", "PROTOBUF alice"), seen);
    assertEquals(StatusCode.PERMISSION_DENIED, denied.status().code());
    assertEquals("not for you", denied.status().message());
    assertTrue(allowed.isOk());
    assertEquals(1, f.backend().calls("GetItem"));
  }

  @Test
  void anUnexpectedFailureIsAnsweredAsInternalWithoutDetails() {
    CallFilter broken = (rc, chain) -> {
      throw new IllegalStateException("secret internal detail");
    };
    PipelineFixture f = new PipelineFixture(1024, List.of(broken));
    f.serve(ROUTE);

    Reply reply = f.call("GetItem", new byte[0]);

    assertEquals(StatusCode.INTERNAL, reply.status().code());
    assertEquals("internal error", reply.status().message());
  }

  @Test
  void aFormatThePassThroughRouteCannotCarryIsUnimplemented() {
    PipelineFixture f = new PipelineFixture(1024, List.of());
    f.serve(ROUTE);
    RouteMethod m = f.pipeline.router().resolve(SERVICE, "GetItem");

    Reply reply = f.pipeline.dispatch(m, Call.of(SERVICE, "GetItem", WireFormat.PROTO_JSON, "{}".getBytes())).join();

    assertEquals(StatusCode.UNIMPLEMENTED, reply.status().code());
    assertEquals("translation from PROTO_JSON to PROTOBUF is not available on this route", reply.status().message());
  }

  @Test
  void aOnewayCallIsAnsweredWithAnEmptyReplyOnceSent() {
    PipelineFixture f = new PipelineFixture(1024, List.of());
    f.serve(ROUTE);

    Reply reply = f.call("Ping", new byte[] {8, 1});

    assertArrayEquals(new byte[0], reply.payload());
    assertEquals(1, f.backend().calls("Ping"));
  }

  @Test
  void drainingRefusesNewCallsAndWaitsForCallsInFlight() throws Exception {
    PipelineFixture f = new PipelineFixture(1024, List.of());
    f.serve(RouteConfig.of(SERVICE, "new-grpc"));
    RouteMethod m = f.pipeline.router().resolve(SERVICE, "GetItem");
    f.backend().holdReplies();
    CompletableFuture<Reply> inFlight = f.pipeline.dispatch(m, Call.of(SERVICE, "GetItem", WireFormat.PROTOBUF, new byte[0]));

    assertFalse(f.pipeline.drain(Duration.ofMillis(30)));
    Reply refused = f.pipeline.dispatch(m, Call.of(SERVICE, "GetItem", WireFormat.PROTOBUF, new byte[0])).join();
    CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
      try {
        return f.pipeline.drain(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    f.backend().releaseReplies();

    assertTrue(drained.get());
    assertTrue(inFlight.join().isOk());
    assertEquals(StatusCode.UNAVAILABLE, refused.status().code());
    assertEquals("the gateway is shutting down", refused.status().message());
    assertEquals(0, f.pipeline.inFlight());
  }
}
