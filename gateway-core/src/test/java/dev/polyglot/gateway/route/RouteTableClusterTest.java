package dev.polyglot.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.ClusterConfig;
import dev.polyglot.gateway.config.Endpoint;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.testing.InProcessBackendFactory;
import dev.polyglot.translate.WireFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Two real Hazelcast members joined over TCP on 127.0.0.1, each with its own compiled snapshot. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteTableClusterTest {
  static final String WAREHOUSE = """
      exception NotFound { 1: string message } (grpc.code = "NOT_FOUND")
      struct Item { 1: string sku, 2: i64 count }
      service Warehouse {
        Item getItem(1: string sku) throws (1: NotFound notFound)
        oneway void ping()
      }
      """;
  static final String INVENTORY = """
      service Inventory {
        i64 count(1: string sku)
      }
      """;
  static final BackendConfig LEGACY = BackendConfig.builder("legacy", BackendProtocol.THRIFT).endpoint("127.0.0.1", 9091).build();

  private final String clusterName = "polyglot-test-" + UUID.randomUUID();
  private List<Endpoint> members;
  private RouteTable first;
  private RouteTable second;

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private RouteTable member(int port) {
    InProcessBackendFactory clients = new InProcessBackendFactory(BackendProtocol.THRIFT, WireFormat.THRIFT_BINARY, (m, r) -> Reply.ok(WireFormat.THRIFT_BINARY, r));
    Map<BackendConfig, Backend> shared = new ConcurrentHashMap<>();
    IdlSnapshotCompiler compiler = IdlSnapshotCompiler.builder().backendProvider(c -> shared.computeIfAbsent(c, clients::create)).build();
    return RouteTable.start(new ClusterConfig(clusterName, "127.0.0.1", port, members), compiler, SchemaLoader.idlLoader());
  }

  @BeforeAll
  void startTwoMembers() throws IOException {
    int a = freePort();
    int b = freePort();
    int c = freePort();
    members = List.of(Endpoint.of("127.0.0.1", a), Endpoint.of("127.0.0.1", b), Endpoint.of("127.0.0.1", c));
    first = member(a);
    second = member(b);
    waitFor(10_000, () -> first.clusterSize() == 2 && second.clusterSize() == 2);
  }

  @AfterAll
  void stopMembers() {
    if (first != null) first.close();
    if (second != null) second.close();
  }

  static boolean waitFor(long millis, BooleanSupplier condition) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) return true;
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  @Test
  @Order(1)
  void aRouteAppliedOnOneMemberIsServedByTheOtherWithinASecond() throws RouteRejectedException {
    first.putIdl("warehouse.thrift", WAREHOUSE);
    first.applyBackend(LEGACY);
    long applied = System.nanoTime();
    first.applyRoute(RouteConfig.of("warehouse.Warehouse", "legacy"));

    assertTrue(waitFor(1000, () -> second.snapshot().method("warehouse.Warehouse", "getItem") != null));
    long millis = (System.nanoTime() - applied) / 1_000_000;
    assertTrue(millis < 1000, "served by the other member after " + millis + " ms");
    assertNotNull(first.snapshot().method("warehouse.Warehouse", "getItem"));
    assertEquals(Map.of("warehouse.thrift", WAREHOUSE), second.sources().idl());
    assertEquals(List.of(), second.lastCompilation().rejections());
  }

  @Test
  @Order(2)
  void aMemberThatJoinsLaterReceivesTheIdlsAndRoutesAtStart() {
    RouteTable third = member(members.get(2).port());
    try {
      assertEquals(3, third.clusterSize());
      assertEquals(Map.of("warehouse.thrift", WAREHOUSE), third.sources().idl());
      assertEquals("warehouse.Warehouse/getItem -> warehouse.Warehouse/getItem on legacy", third.snapshot().method("warehouse.Warehouse", "getItem").toString());
    } finally {
      third.close();
    }
  }

  @Test
  @Order(3)
  void aRouteThatWouldNotCompileIsRefusedWithItsReportAndNothingIsStored() {
    RouteRejectedException e = assertThrows(RouteRejectedException.class,
        () -> first.applyRoute(RouteConfig.builder("Inventory", "legacy").build()));

    assertEquals("route Inventory rejected:\n  - service: unknown service Inventory (loaded: warehouse.Warehouse)\n"
        + "  - backend_service: unknown service Inventory (loaded: warehouse.Warehouse)", e.getMessage());
    assertNull(second.sources().routes().get("Inventory"));
  }

  @Test
  @Order(4)
  void anIdlThatDoesNotLoadIsRefusedWithItsProblems() {
    RouteRejectedException e = assertThrows(RouteRejectedException.class, () -> first.putIdl("inventory.thrift", "service Inventory {\n  i64 count(1: Sku sku)\n}\n"));

    assertEquals("inventory.thrift:2:16: unknown type 'Sku' (expected: a base type, a container, or a struct, union, exception, enum or typedef in scope)", e.getMessage());
    assertEquals(List.of("warehouse.thrift"), List.copyOf(second.sources().idl().keySet()));
  }

  @Test
  @Order(5)
  void aBackendStillInUseCannotBeDeleted() {
    RouteRejectedException e = assertThrows(RouteRejectedException.class, () -> second.deleteBackend("legacy"));

    assertEquals("backend legacy is used by routes warehouse.Warehouse (expected: delete or change those routes first)", e.getMessage());
  }

  @Test
  @Order(6)
  void aRouteThatStopsCompilingKeepsServingItsPreviousSnapshotOnEveryMember() throws RouteRejectedException {
    CompiledRoute served = second.snapshot().route("warehouse.Warehouse");
    long version = second.snapshot().version();

    // Stored without validation (as another member with other checks might): the Warehouse service is gone.
    first.seed(new RouteSources(Map.of("warehouse.thrift", INVENTORY), Map.of(), Map.of()));

    assertTrue(waitFor(1000, () -> second.snapshot().version() > version && !second.lastCompilation().rejections().isEmpty()));
    assertEquals(List.of(new RouteRejection("warehouse.Warehouse", List.of(
        "service: unknown service warehouse.Warehouse (loaded: warehouse.Inventory)",
        "backend_service: unknown service warehouse.Warehouse (loaded: warehouse.Inventory)"))), second.lastCompilation().rejections());
    assertSame(served, second.snapshot().route("warehouse.Warehouse"));

    first.seed(new RouteSources(Map.of("warehouse.thrift", WAREHOUSE), Map.of(), Map.of()));
    assertTrue(waitFor(1000, () -> second.lastCompilation().rejections().isEmpty()));
  }

  @Test
  @Order(7)
  void aRouteDeletedOnOneMemberDisappearsFromTheOther() throws RouteRejectedException {
    second.putIdl("inventory.thrift", INVENTORY);
    second.applyRoute(RouteConfig.of("inventory.Inventory", "legacy"));
    assertTrue(waitFor(1000, () -> first.snapshot().method("inventory.Inventory", "count") != null));

    assertTrue(first.deleteRoute("inventory.Inventory"));

    assertTrue(waitFor(1000, () -> second.snapshot().route("inventory.Inventory") == null));
    assertNotNull(second.snapshot().route("warehouse.Warehouse"));
  }

  @Test
  @Order(8)
  void theSurvivorKeepsItsRoutesWhenTheOtherMemberStops() throws RouteRejectedException {
    first.close();
    first = null;

    assertTrue(waitFor(5000, () -> second.clusterSize() == 1));
    assertNotNull(second.snapshot().method("warehouse.Warehouse", "getItem"));
    assertEquals(RouteConfig.of("warehouse.Warehouse", "legacy"), second.sources().routes().get("warehouse.Warehouse"));
    assertEquals(LEGACY, second.sources().backends().get("legacy"));
    assertEquals(Map.of("warehouse.thrift", WAREHOUSE, "inventory.thrift", INVENTORY), second.sources().idl());
    second.applyRoute(RouteConfig.of("inventory.Inventory", "legacy"));
    assertNotNull(second.snapshot().method("Inventory", "count"));
  }
}
