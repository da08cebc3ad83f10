package dev.polyglot.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.gateway.cache.CacheStats;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.ConfigException;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GatewayConfigLoader;
import dev.polyglot.gateway.config.RouteCacheConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.route.RouteRejectedException;
import dev.polyglot.gateway.testing.InProcessBackend;
import dev.polyglot.gateway.testing.InProcessBackendFactory;
import dev.polyglot.gateway.testing.InProcessListener;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.StatusCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTest {
  static final String SHARED = "struct Money { 1: i64 cents }\n";
  static final String WAREHOUSE = """
      include "common/shared.thrift"
      service Warehouse {
        shared.Money price(1: string sku)
        shared.Money cost(1: string sku)
      }
      """;

  @TempDir Path dir;
  private final InProcessBackendFactory thriftClients = new InProcessBackendFactory(BackendProtocol.THRIFT, WireFormat.THRIFT_BINARY,
      (method, request) -> Reply.ok(WireFormat.THRIFT_BINARY, request));
  private final InProcessListener listener = new InProcessListener();
  private Gateway gateway;

  @BeforeEach
  void writeConfiguration() throws IOException {
    Files.createDirectories(dir.resolve("idl/common"));
    Files.writeString(dir.resolve("idl/common/shared.thrift"), SHARED);
    Files.writeString(dir.resolve("idl/warehouse.thrift"), WAREHOUSE);
    int clusterPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      clusterPort = s.getLocalPort();
    }
    Files.writeString(dir.resolve("gateway.yaml"), """
        idl: [ idl ]
        listeners: {}
        backends:
          legacy: { protocol: thrift, endpoints: [ "127.0.0.1:9091" ] }
        routes:
          - service: warehouse.Warehouse
            backend: legacy
            cache: { methods: [ price ], ttl: 1m }
        cluster: { name: gateway-test-%d, port: %d }
        shutdown: { grace_period: 2s }
        """.formatted(clusterPort, clusterPort));
  }

  @AfterEach
  void stop() {
    if (gateway != null) gateway.stop();
  }

  private Gateway start() throws ConfigException, IOException {
    GatewayConfig config = GatewayConfigLoader.load(dir.resolve("gateway.yaml"));
    gateway = Gateway.builder(config).backendFactory(thriftClients).listener(listener).build().start();
    return gateway;
  }

  @Test
  void aGatewayStartedFromItsConfigurationServesItsRoutesAndCachesWhatItIsTold() throws Exception {
    start();
    byte[] request = {11, 0, 1, 0, 0, 0, 3, 'a', 'b', 'c', 0};

    Reply first = listener.call("warehouse.Warehouse", "price", WireFormat.THRIFT_BINARY, request).join();
    Reply second = listener.call("Warehouse", "price", WireFormat.THRIFT_BINARY, request).join();
    listener.call("warehouse.Warehouse", "cost", WireFormat.THRIFT_BINARY, request).join();
    listener.call("warehouse.Warehouse", "cost", WireFormat.THRIFT_BINARY, request).join();
    Reply unknown = listener.call("warehouse.Warehouse", "weight", WireFormat.THRIFT_BINARY, request).join();

    assertArrayEquals(request, first.payload());
    assertArrayEquals(request, second.payload());
    InProcessBackend legacy = thriftClients.latest("legacy");
    assertEquals(1, legacy.calls("price"));
    assertEquals(2, legacy.calls("cost"));
    assertEquals(StatusCode.UNIMPLEMENTED, unknown.status().code());
    assertEquals(new CacheStats(1, 1, 0, 1, 2L * request.length, 64L << 20), gateway.cache().stats());
    assertEquals(List.of("start"), listener.events());
  }

  @Test
  void idlSourcesAreNamedRelativeToTheConfigurationFolder() throws Exception {
    start();

    assertEquals(List.of("idl/common/shared.thrift", "idl/warehouse.thrift"), gateway.routeTable().sources().idl().keySet().stream().sorted().toList());
  }

  @Test
  void aChangedRouteDropsItsCachedRepliesAndAnUnusedBackendIsClosed() throws Exception {
    start();
    byte[] request = {0};
    listener.call("warehouse.Warehouse", "price", WireFormat.THRIFT_BINARY, request).join();
    assertEquals(1, gateway.cache().stats().entries());
    InProcessBackend legacy = thriftClients.latest("legacy");

    BackendConfig replacement = BackendConfig.builder("replacement", BackendProtocol.THRIFT).endpoint("127.0.0.1", 9092).build();
    gateway.routeTable().applyBackend(replacement);
    gateway.routeTable().applyRoute(RouteConfig.builder("warehouse.Warehouse", "replacement")
        .cache(RouteCacheConfig.of(List.of("price"), Duration.ofMinutes(1))).build());
    gateway.cache().cleanUp();

    assertEquals(0, gateway.cache().stats().entries());
    listener.call("warehouse.Warehouse", "price", WireFormat.THRIFT_BINARY, request).join();
    assertEquals(1, thriftClients.latest("replacement").calls("price"));
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!legacy.isClosed() && System.nanoTime() < end) Thread.sleep(10);
    assertTrue(legacy.isClosed());
  }

  @Test
  void aRouteToAnUndefinedBackendIsRefusedThroughTheRouteTable() throws Exception {
    start();

    RouteRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(RouteRejectedException.class,
        () -> gateway.routeTable().applyRoute(RouteConfig.of("warehouse.Warehouse", "nope")));

    assertEquals("route warehouse.Warehouse rejected:\n  - backend: nope is not defined (defined: legacy)", e.getMessage());
  }

  @Test
  void stoppingStopsAcceptingThenFinishesCallsInFlightThenClosesEverything() throws Exception {
    start();
    InProcessBackend legacy = thriftClients.latest("legacy");
    legacy.holdReplies();
    CompletableFuture<Reply> inFlight = listener.call("warehouse.Warehouse", "cost", WireFormat.THRIFT_BINARY, new byte[] {0});

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(gateway::stop);
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!listener.events().contains("stopAccepting") && System.nanoTime() < end) Thread.sleep(5);
    Reply refused = gateway.dispatcher().dispatch(gateway.router().resolve("warehouse.Warehouse", "cost"),
        dev.polyglot.gateway.call.Call.of("warehouse.Warehouse", "cost", WireFormat.THRIFT_BINARY, new byte[] {0})).join();
    assertFalse(stopping.isDone());
    legacy.releaseReplies();
    stopping.get();

    assertTrue(inFlight.join().isOk());
    assertEquals(StatusCode.UNAVAILABLE, refused.status().code());
    assertEquals(List.of("start", "stopAccepting", "close"), listener.events());
    assertTrue(legacy.isClosed());
  }

  @Test
  void callsDuringRouteChangesAllSucceedBecauseSnapshotsAreSwappedWhole() throws Exception {
    start();
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
    List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> callers = new java.util.ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread caller = new Thread(() -> {
        while (running.get()) {
          Reply r = listener.call("warehouse.Warehouse", "cost", WireFormat.THRIFT_BINARY, new byte[] {0}).join();
          if (r.isOk()) ok.incrementAndGet();
          else failures.add(r.toString());
        }
      });
      caller.start();
      callers.add(caller);
    }

    for (int i = 1; i <= 10; i++) {
      gateway.routeTable().applyRoute(RouteConfig.builder("warehouse.Warehouse", "legacy").timeout(Duration.ofSeconds(i)).build());
    }
    running.set(false);
    for (Thread caller : callers) caller.join();

    assertEquals(List.of(), failures);
    assertTrue(ok.get() > 0);
    assertEquals(Duration.ofSeconds(10).toNanos(), gateway.router().snapshot().route("warehouse.Warehouse").timeoutNanos());
  }
}
