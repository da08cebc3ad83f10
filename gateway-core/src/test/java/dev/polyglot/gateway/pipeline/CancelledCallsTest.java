package dev.polyglot.gateway.pipeline;

import static dev.polyglot.gateway.pipeline.PipelineFixture.itemRequest;
import static dev.polyglot.gateway.pipeline.PipelineFixture.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Cancellation;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.RouteCacheConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.StatusCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A caller's {@link Cancellation} through the pipeline, over the in-process backend. */
class CancelledCallsTest {
  static final String SERVICE = "acme.v1.WarehouseService";
  /** Long enough that no timer answers during a test: a CANCELLED reply can only come from the cancel. */
  static final RouteConfig ROUTE = RouteConfig.builder(SERVICE, "new-grpc").timeout(Duration.ofSeconds(30)).build();
  static final RouteConfig CACHED = RouteConfig.builder(SERVICE, "new-grpc").timeout(Duration.ofSeconds(30))
      .cache(RouteCacheConfig.of(List.of("GetItem"), Duration.ofSeconds(30))).build();

  private static CompletableFuture<Reply> dispatch(PipelineFixture f, byte[] request, Cancellation cancellation) {
    RouteMethod m = f.pipeline.router().resolve(SERVICE, "GetItem");
    return f.pipeline.dispatch(m, Call.of(SERVICE, "GetItem", WireFormat.PROTOBUF, request), cancellation);
  }

  @Test
  void aCallCancelledWhileTheBackendHoldsItAnswersCancelledAndLeavesNothingInFlight() throws Exception {
    PipelineFixture f = new PipelineFixture(1024, List.of());
    f.serve(ROUTE);
    f.backend().holdReplies();
    Cancellation cancellation = Cancellation.create();

    CompletableFuture<Reply> reply = dispatch(f, itemRequest(7, "red", false), cancellation);
    assertFalse(reply.isDone());
    assertEquals(1, f.pipeline.inFlight());
    cancellation.cancel();

    Reply r = reply.get(2, TimeUnit.SECONDS);
    assertEquals(StatusCode.CANCELLED, r.status().code());
    assertEquals("the caller cancelled the call", r.status().message());
    assertEquals(0, f.pipeline.inFlight());
    assertEquals(1, f.backend().calls("GetItem"));
    assertTrue(f.pipeline.drain(Duration.ofMillis(100)));
    f.backend().releaseReplies();
  }

  @Test
  void aCallCancelledBeforeItReachesTheBackendIsNotSent() throws Exception {
    Cancellation cancellation = Cancellation.create();
    CallFilter callerLeaves = (rc, chain) -> {
      rc.cancellation().cancel();
      return chain.proceed(rc);
    };
    PipelineFixture f = new PipelineFixture(1024, List.of(callerLeaves));
    f.serve(ROUTE);

    Reply r = dispatch(f, itemRequest(7, "red", false), cancellation).get(2, TimeUnit.SECONDS);

    assertEquals(StatusCode.CANCELLED, r.status().code());
    assertEquals("the caller cancelled the call", r.status().message());
    assertEquals(0, f.backend().calls("GetItem"));
    assertEquals(0, f.pipeline.inFlight());
  }

  @Test
  void aCallThatIsNotCancelledGetsItsReplyAndTheSignalStaysUntouched() throws Exception {
    PipelineFixture f = new PipelineFixture(1024, List.of());
    f.serve(ROUTE);
    Cancellation cancellation = Cancellation.create();
    byte[] request = itemRequest(7, "red", false);

    Reply r = dispatch(f, request, cancellation).get(2, TimeUnit.SECONDS);

    assertArrayEquals(message(1, 1, request), r.payload());
    assertFalse(cancellation.isCancelled());
    assertEquals(0, f.pipeline.inFlight());
  }

  @Test
  void filtersSeeTheCallersCancellationAfterTranslationToo() throws Exception {
    Cancellation cancellation = Cancellation.create();
    CallFilter check = (rc, chain) -> {
      if (rc.cancellation() != cancellation) throw new AssertionError("filter saw " + rc.cancellation());
      if (rc.withCall(rc.call()).cancellation() != cancellation) throw new AssertionError("withCall dropped the cancellation");
      return chain.proceed(rc);
    };
    PipelineFixture f = new PipelineFixture(1024, List.of(check));
    f.serve(ROUTE);

    Reply r = dispatch(f, itemRequest(7, "red", false), cancellation).get(2, TimeUnit.SECONDS);

    assertTrue(r.isOk());
  }

  @Test
  void oneCallerCancellingACachedMethodDoesNotCancelTheLoadOthersWaitFor() throws Exception {
    PipelineFixture f = new PipelineFixture(1 << 20, List.of());
    f.serve(CACHED);
    f.backend().holdReplies();
    byte[] request = itemRequest(7, "red", false);
    Cancellation leaving = Cancellation.create();

    CompletableFuture<Reply> first = dispatch(f, request, leaving);
    CompletableFuture<Reply> second = dispatch(f, request, Cancellation.create());
    leaving.cancel();
    f.backend().releaseReplies();

    assertArrayEquals(message(1, 1, request), first.get(2, TimeUnit.SECONDS).payload());
    assertArrayEquals(message(1, 1, request), second.get(2, TimeUnit.SECONDS).payload());
    assertEquals(1, f.backend().calls("GetItem"));
    assertEquals(0, f.pipeline.inFlight());
  }

  @Test
  void aRoutedCallMadeWithoutACancellationCarriesNone() {
    PipelineFixture f = new PipelineFixture(1024, List.of());
    f.serve(ROUTE);
    RouteMethod m = f.pipeline.router().resolve(SERVICE, "GetItem");

    RoutedCall rc = new RoutedCall(m, Call.of(SERVICE, "GetItem", WireFormat.PROTOBUF, new byte[0]));

    assertEquals(Cancellation.NONE, rc.cancellation());
  }
}
