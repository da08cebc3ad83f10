package dev.polyglot.gateway.pipeline;

import static dev.polyglot.gateway.pipeline.PipelineFixture.itemRequest;
import static dev.polyglot.gateway.pipeline.PipelineFixture.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.polyglot.gateway.cache.CacheStats;
import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.RouteCacheConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.StatusCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedCallsTest {
  static final RouteConfig CACHED = RouteConfig.builder("acme.v1.WarehouseService", "new-grpc")
      .cache(RouteCacheConfig.of(List.of("GetItem"), Duration.ofSeconds(30))).build();

  private final PipelineFixture f = new PipelineFixture(1 << 20, List.of());

  @Test
  void aSecondEqualRequestIsNotSentToTheBackend() {
    f.serve(CACHED);
    byte[] request = itemRequest(7, "red", false);

    Reply first = f.call("GetItem", request);
    Reply second = f.call("GetItem", request);

    assertEquals(1, f.backend().calls("GetItem"));
    assertArrayEquals(message(1, 1, request), first.payload());
    assertArrayEquals(message(1, 1, request), second.payload());
    assertEquals(new CacheStats(1, 1, 0, 1, request.length + first.payload().length, 1 << 20), f.cache.stats());
  }

  @Test
  void requestsEqualInValueButWrittenInAnotherFieldOrderShareTheEntry() {
    f.serve(CACHED);

    Reply first = f.call("GetItem", itemRequest(7, "red", false));
    Reply reordered = f.call("GetItem", itemRequest(7, "red", true));

    assertEquals(1, f.backend().calls("GetItem"));
    assertArrayEquals(first.payload(), reordered.payload());
  }

  @Test
  void requestsDifferentInValueGetTheirOwnEntries() {
    f.serve(CACHED);

    f.call("GetItem", itemRequest(7, "red", false));
    f.call("GetItem", itemRequest(8, "red", false));
    f.call("GetItem", itemRequest(7, "blue", false));

    assertEquals(3, f.backend().calls("GetItem"));
    assertEquals(3, f.cache.stats().entries());
  }

  @Test
  void twoRoutesNeverShareAnEntryEvenWithMethodsAtTheSamePositionAndEqualRequests() {
    RouteConfig orders = RouteConfig.builder("acme.v1.OrderService", "new-grpc")
        .cache(RouteCacheConfig.of(List.of("GetOrder"), Duration.ofSeconds(30))).build();
    f.serveAll(CACHED, orders);
    byte[] request = itemRequest(7, "red", false);

    Reply item = f.call("acme.v1.WarehouseService", "GetItem", request, Metadata.EMPTY);
    Reply order = f.call("acme.v1.OrderService", "GetOrder", request, Metadata.EMPTY);

    assertEquals(1, f.backend().calls("GetItem"));
    assertEquals(1, f.backend().calls("GetOrder"));
    assertArrayEquals(message(1, 1, request), item.payload());
    assertArrayEquals(message(1, 2, request), order.payload());
  }

  @Test
  void aReplyFetchedWithOneCallersCredentialsIsNeverServedToAnother() {
    f.serve(CACHED);
    byte[] request = itemRequest(7, "red", false);

    Reply alice = f.call("acme.v1.WarehouseService", "GetItem", request, Metadata.of("authorization", "Bearer alice"));
    Reply aliceAgain = f.call("acme.v1.WarehouseService", "GetItem", request, Metadata.of("authorization", "Bearer alice"));
    Reply bob = f.call("acme.v1.WarehouseService", "GetItem", request, Metadata.of("authorization", "Bearer bob"));
    Reply anonymous = f.call("acme.v1.WarehouseService", "GetItem", request, Metadata.EMPTY);

    assertEquals(3, f.backend().calls("GetItem"));
    assertArrayEquals(message(1, 1, request), alice.payload());
    assertArrayEquals(message(1, 1, request), aliceAgain.payload());
    assertArrayEquals(message(1, 2, request), bob.payload());
    assertArrayEquals(message(1, 3, request), anonymous.payload());
  }

  @Test
  void methodsNotMarkedCacheableAlwaysReachTheBackend() {
    f.serve(CACHED);
    byte[] request = itemRequest(7, "red", false);

    f.call("ListItems", request);
    f.call("ListItems", request);

    assertEquals(2, f.backend().calls("ListItems"));
    assertEquals(new CacheStats(0, 0, 0, 0, 0, 1 << 20), f.cache.stats());
  }

  @Test
  void concurrentIdenticalMissesShareOneBackendCall() {
    f.serve(CACHED);
    RouteMethod getItem = f.pipeline.router().resolve("acme.v1.WarehouseService", "GetItem");
    f.backend().holdReplies();

    List<CompletableFuture<Reply>> pending = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pending.add(f.pipeline.dispatch(getItem, Call.of("acme.v1.WarehouseService", "GetItem", WireFormat.PROTOBUF, itemRequest(7, "red", i % 2 == 0))));
    }
    assertFalse(pending.get(0).isDone());
    f.backend().releaseReplies();

    // The first request (colour written first) is the one that reached the backend; all share its reply.
    for (CompletableFuture<Reply> p : pending) assertArrayEquals(message(1, 1, itemRequest(7, "red", true)), p.join().payload());
    assertEquals(1, f.backend().calls("GetItem"));
    assertEquals(7, f.cache.stats().hits());
    assertEquals(1, f.cache.stats().misses());
  }

  @Test
  void anEntryExpiresAfterItsTimeToLive() {
    f.serve(CACHED);
    byte[] request = itemRequest(7, "red", false);

    f.call("GetItem", request);
    f.nanos.addAndGet(Duration.ofSeconds(29).toNanos());
    Reply stillCached = f.call("GetItem", request);
    f.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    Reply fresh = f.call("GetItem", request);

    assertArrayEquals(message(1, 1, request), stillCached.payload());
    assertArrayEquals(message(1, 2, request), fresh.payload());
    assertEquals(2, f.backend().calls("GetItem"));
  }

  @Test
  void theCacheStaysWithinItsByteBound() {
    // Each entry weighs its canonical request (7 bytes) plus the reply (2 + 2 + 7 = 11 bytes): 18.
    PipelineFixture small = new PipelineFixture(40, List.of());
    small.serve(CACHED);

    for (int sku = 1; sku <= 3; sku++) small.call("GetItem", itemRequest(sku, "red", false));
    small.cache.cleanUp();

    CacheStats stats = small.cache.stats();
    assertEquals(2, stats.entries());
    assertEquals(36, stats.bytes());
    assertEquals(1, stats.evictions());
  }

  @Test
  void aChangedRouteNeverServesAnEntryCachedBeforeTheChange() {
    f.serve(CACHED);
    byte[] request = itemRequest(7, "red", false);
    long oldGeneration = f.current.get().route("acme.v1.WarehouseService").generation();
    Reply before = f.call("GetItem", request);

    f.serve(RouteConfig.builder("acme.v1.WarehouseService", "new-grpc").timeout(Duration.ofSeconds(5))
        .cache(RouteCacheConfig.of(List.of("GetItem"), Duration.ofSeconds(30))).build());
    Reply after = f.call("GetItem", request);

    assertNotEquals(oldGeneration, f.current.get().route("acme.v1.WarehouseService").generation());
    assertArrayEquals(message(1, 1, request), before.payload());
    assertArrayEquals(message(1, 2, request), after.payload());
    assertEquals(2, f.backend().calls("GetItem"));
    f.cache.invalidateGenerations(List.of(oldGeneration));
    assertEquals(1, f.cache.stats().entries());
  }

  @Test
  void failuresAreNotCached() {
    f.serve(CACHED);
    AtomicInteger calls = new AtomicInteger();
    f.backend().handler((method, request) -> calls.incrementAndGet() == 1
        ? Reply.error(StatusCode.UNAVAILABLE, "backend restarting")
        : Reply.ok(WireFormat.PROTOBUF, message(1, 42, request)));
    byte[] request = itemRequest(7, "red", false);

    Reply failed = f.call("GetItem", request);
    Reply succeeded = f.call("GetItem", request);
    Reply cached = f.call("GetItem", request);

    assertEquals(StatusCode.UNAVAILABLE, failed.status().code());
    assertEquals("backend restarting", failed.status().message());
    assertArrayEquals(message(1, 42, request), succeeded.payload());
    assertArrayEquals(message(1, 42, request), cached.payload());
    assertEquals(2, f.backend().calls("GetItem"));
  }
}
