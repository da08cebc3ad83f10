package dev.polyglot.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.ClusterConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.testing.InProcessBackendFactory;
import dev.polyglot.translate.WireFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member compiles its own changes once: the cluster events its own writes raise must not make it
 * compile the same sources again (each compile reloads every IDL and renews route generations, which
 * empties the cache).
 */
class RouteTableOwnChangesTest {
  private RouteTable table;
  private final AtomicInteger swaps = new AtomicInteger();

  @BeforeEach
  void startStandaloneMember() throws Exception {
    InProcessBackendFactory clients = new InProcessBackendFactory(BackendProtocol.THRIFT, WireFormat.THRIFT_BINARY,
        (m, r) -> Reply.ok(WireFormat.THRIFT_BINARY, r));
    Map<Object, Backend> shared = new ConcurrentHashMap<>();
    IdlSnapshotCompiler compiler = IdlSnapshotCompiler.builder()
        .backendProvider(c -> shared.computeIfAbsent(c, k -> clients.create(c)))
        .build();
    table = RouteTable.start(new ClusterConfig("polyglot-test-" + UUID.randomUUID(), "127.0.0.1", RouteTableClusterTest.freePort(), List.of()),
        compiler, SchemaLoader.idlLoader());
    table.addSwapListener((previous, next) -> swaps.incrementAndGet());
  }

  @AfterEach
  void stop() {
    if (table != null) table.close();
  }

  @Test
  void eachOwnChangeIsCompiledOnceAndItsClusterEventsCompileNothingMore() throws Exception {
    table.putIdl("warehouse.thrift", RouteTableClusterTest.WAREHOUSE);
    table.applyBackend(RouteTableClusterTest.LEGACY);
    table.applyRoute(RouteConfig.of("warehouse.Warehouse", "legacy"));
    long generation = table.snapshot().route("warehouse.Warehouse").generation();

    // Far longer than the refresh debounce: a redundant recompile would have happened by now.
    Thread.sleep(500);

    assertEquals(3, swaps.get());
    assertNotNull(table.snapshot().route("warehouse.Warehouse"));
    assertEquals(generation, table.snapshot().route("warehouse.Warehouse").generation());
  }

  @Test
  void seedingFromAConfigurationCompilesOnce() throws Exception {
    table.seed(new RouteSources(Map.of("warehouse.thrift", RouteTableClusterTest.WAREHOUSE),
        Map.of("legacy", RouteTableClusterTest.LEGACY), Map.of("warehouse.Warehouse", RouteConfig.of("warehouse.Warehouse", "legacy"))));

    Thread.sleep(500);

    assertEquals(1, swaps.get());
    assertNotNull(table.snapshot().route("warehouse.Warehouse"));
  }
}
