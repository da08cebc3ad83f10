package dev.polyglot.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.RouteCacheConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.testing.InProcessBackendFactory;
import dev.polyglot.gateway.testing.ServiceListSchemaLoader;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.translate.WireFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdlSnapshotCompilerTest {
  static final String THRIFT = "thrift warehouse.Warehouse: getItem, listItems, ping oneway, stock cache.ttl=30s\n";
  static final String PROTO = "proto acme.v1.WarehouseService: GetItem, list_items, Ping, Stock, Watch server_streaming\n";
  static final BackendConfig GRPC = BackendConfig.builder("new-grpc", BackendProtocol.GRPC).endpoint("127.0.0.1", 50061).build();
  static final BackendConfig THRIFT_BACKEND = BackendConfig.builder("legacy", BackendProtocol.THRIFT).endpoint("127.0.0.1", 9091).build();

  /** Binds every pair without translating: enough to test pairing, which is all these tests look at. */
  static final TranslatorFactory ANY_PAIR = pair -> MethodTranslation.of(CallTranslator.passThrough(), RequestCanonicalizer.EXACT_BYTES);

  private final InProcessBackendFactory grpcClients = new InProcessBackendFactory(BackendProtocol.GRPC, WireFormat.PROTOBUF, (m, r) -> Reply.ok(WireFormat.PROTOBUF, r));
  private final InProcessBackendFactory thriftClients = new InProcessBackendFactory(BackendProtocol.THRIFT, WireFormat.THRIFT_BINARY, (m, r) -> Reply.ok(WireFormat.THRIFT_BINARY, r));
  private final Map<BackendConfig, Backend> clients = new HashMap<>();

  private IdlSnapshotCompiler compiler(TranslatorFactory translators, CompatibilityCheck check) {
    return IdlSnapshotCompiler.builder()
        .schemaLoader(new ServiceListSchemaLoader())
        .translatorFactory(translators)
        .compatibilityCheck(check)
        .backendProvider(c -> clients.computeIfAbsent(c, k -> (k.protocol() == BackendProtocol.GRPC ? grpcClients : thriftClients).create(k)))
        .build();
  }

  static RouteSources sources(String thrift, String proto, List<RouteConfig> routes) {
    Map<String, RouteConfig> byKey = new HashMap<>();
    for (RouteConfig r : routes) byKey.put(r.service(), r);
    return new RouteSources(Map.of("warehouse.thrift", thrift, "warehouse.proto", proto), Map.of(GRPC.name(), GRPC, THRIFT_BACKEND.name(), THRIFT_BACKEND), byKey);
  }

  @Test
  void aPassThroughRouteCompilesIntoAMethodTableWithItsCachePolicy() {
    Compilation c = compiler(TranslatorFactory.passThroughOnly(), CompatibilityCheck.NONE)
        .compile(sources(THRIFT, PROTO, List.of(RouteConfig.of("warehouse.Warehouse", "legacy"))), RouteSnapshot.EMPTY);

    assertEquals(List.of(), c.rejections());
    CompiledRoute route = c.snapshot().route("warehouse.Warehouse");
    assertEquals(List.of("getItem", "listItems", "ping", "stock"), route.methods().stream().map(m -> m.callerMethod().name()).toList());
    assertTrue(route.isPassThrough());
    assertSame(route, c.snapshot().route("Warehouse"));
    RouteMethod stock = c.snapshot().method("warehouse.Warehouse", "stock");
    assertEquals(3, stock.index());
    assertEquals(Duration.ofSeconds(30).toNanos(), stock.cacheTtlNanos());
    assertEquals(false, c.snapshot().method("warehouse.Warehouse", "getItem").isCached());
    assertEquals(true, c.snapshot().method("warehouse.Warehouse", "ping").isOneway());
    assertEquals(WireFormat.THRIFT_BINARY, stock.backendFormat());
    assertEquals(Duration.ofSeconds(30).toNanos(), route.timeoutNanos());
    assertNull(c.snapshot().method("warehouse.Warehouse", "getitem"));
    assertNull(c.snapshot().method("warehouse.Other", "getItem"));
  }

  @Test
  void methodsArePairedByNameIgnoringCaseAndUnderscoresAndStreamingOnesAreLeftOut() {
    Compilation c = compiler(ANY_PAIR, CompatibilityCheck.NONE).compile(sources(THRIFT, PROTO, List.of(
        RouteConfig.builder("warehouse.Warehouse", "new-grpc").backendService("acme.v1.WarehouseService").timeout(Duration.ofMillis(700)).build(),
        RouteConfig.of("acme.v1.WarehouseService", "new-grpc"))), RouteSnapshot.EMPTY);

    assertEquals(List.of(), c.rejections());
    assertEquals(List.of("GetItem", "list_items", "Ping", "Stock"),
        c.snapshot().route("warehouse.Warehouse").methods().stream().map(m -> m.backendMethod().name()).toList());
    assertEquals(Duration.ofMillis(700).toNanos(), c.snapshot().route("warehouse.Warehouse").timeoutNanos());
    assertEquals(List.of("GetItem", "list_items", "Ping", "Stock"),
        c.snapshot().route("WarehouseService").methods().stream().map(m -> m.callerMethod().name()).toList());
  }

  static Stream<Arguments> unbridgeableRoutes() {
    CompatibilityCheck none = CompatibilityCheck.NONE;
    return Stream.of(
        Arguments.of("an undefined backend", THRIFT, PROTO, RouteConfig.of("warehouse.Warehouse", "nope"), ANY_PAIR, none,
            List.of("backend: nope is not defined (defined: legacy, new-grpc)")),
        Arguments.of("an unknown caller service", THRIFT, PROTO, RouteConfig.of("warehouse.Nope", "legacy"), ANY_PAIR, none,
            List.of("service: unknown service warehouse.Nope (loaded: acme.v1.WarehouseService, warehouse.Warehouse)",
                "backend_service: unknown service warehouse.Nope (loaded: acme.v1.WarehouseService, warehouse.Warehouse)")),
        Arguments.of("a Thrift service on a gRPC backend", THRIFT, PROTO, RouteConfig.of("warehouse.Warehouse", "new-grpc"), ANY_PAIR, none,
            List.of("backend_service: warehouse.Warehouse is a Thrift service, but backend new-grpc speaks grpc (expected: a proto service)")),
        Arguments.of("a translating route with no translator installed", THRIFT, PROTO,
            RouteConfig.builder("warehouse.Warehouse", "new-grpc").backendService("acme.v1.WarehouseService").build(), TranslatorFactory.passThroughOnly(), none,
            List.of("method getItem: no translator is installed for warehouse.Warehouse -> acme.v1.WarehouseService (only pass-through routes can be served)",
                "method listItems: no translator is installed for warehouse.Warehouse -> acme.v1.WarehouseService (only pass-through routes can be served)",
                "method ping: no translator is installed for warehouse.Warehouse -> acme.v1.WarehouseService (only pass-through routes can be served)",
                "method stock: no translator is installed for warehouse.Warehouse -> acme.v1.WarehouseService (only pass-through routes can be served)")),
        Arguments.of("a caller method the backend lacks", THRIFT, "proto acme.v1.WarehouseService: GetItem, ListItems, Stock\n",
            RouteConfig.builder("warehouse.Warehouse", "new-grpc").backendService("acme.v1.WarehouseService").build(), ANY_PAIR, none,
            List.of("method ping: no method of acme.v1.WarehouseService matches (expected a method named ping, ignoring case and underscores)")),
        Arguments.of("the compatibility check's report", THRIFT, PROTO,
            RouteConfig.builder("warehouse.Warehouse", "new-grpc").backendService("acme.v1.WarehouseService").build(), ANY_PAIR,
            (CompatibilityCheck) (schema, caller, backend) -> List.of("getItem.request.sku: i64 has no counterpart in string (expected: a 64-bit integer)"),
            List.of("getItem.request.sku: i64 has no counterpart in string (expected: a 64-bit integer)")),
        Arguments.of("a cached method the service lacks", THRIFT, PROTO,
            RouteConfig.builder("warehouse.Warehouse", "legacy").cache(RouteCacheConfig.of(List.of("getItm"), Duration.ofSeconds(5))).build(), ANY_PAIR, none,
            List.of("cache.methods: getItm is not a method of warehouse.Warehouse (methods: getItem, listItems, ping, stock)")),
        Arguments.of("a cached oneway method", THRIFT, PROTO,
            RouteConfig.builder("warehouse.Warehouse", "legacy").cache(RouteCacheConfig.of(List.of("ping"), Duration.ofSeconds(5))).build(), ANY_PAIR, none,
            List.of("method ping: oneway methods have no reply to cache (expected: remove it from cache.methods or its cache.ttl annotation)")),
        Arguments.of("a bad cache.ttl annotation", "thrift warehouse.Warehouse: getItem cache.ttl=soon\n", PROTO,
            RouteConfig.of("warehouse.Warehouse", "legacy"), ANY_PAIR, none,
            List.of("method getItem: cache.ttl \"soon\" at warehouse.thrift:1:1 (expected: a positive duration like 30s, 250ms or 2m)")),
        Arguments.of("IDL that does not load", THRIFT + "service broken\n", PROTO, RouteConfig.of("warehouse.Warehouse", "legacy"), ANY_PAIR, none,
            List.of("idl: warehouse.thrift:2:1: expected: thrift|proto <qualified service>: <method>, ...")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unbridgeableRoutes")
  void aRouteThatCannotBeBridgedIsRejectedWithEveryReason(String name, String thrift, String proto, RouteConfig route,
      TranslatorFactory translators, CompatibilityCheck check, List<String> expected) {
    Compilation c = compiler(translators, check).compile(sources(thrift, proto, List.of(route)), RouteSnapshot.EMPTY);

    assertEquals(List.of(new RouteRejection(route.service(), expected)), c.rejections());
    assertEquals(List.of(), c.snapshot().routes());
  }

  @Test
  void aRejectionReportListsOneProblemPerLine() {
    assertEquals("route warehouse.Warehouse rejected:\n  - a\n  - b", new RouteRejection("warehouse.Warehouse", List.of("a", "b")).report());
  }

  @Test
  void twoRoutesForOneServiceUnderDifferentNamesAreRejected() {
    Compilation c = compiler(ANY_PAIR, CompatibilityCheck.NONE).compile(sources(THRIFT, PROTO, List.of(
        RouteConfig.of("Warehouse", "legacy"), RouteConfig.of("warehouse.Warehouse", "legacy"))), RouteSnapshot.EMPTY);

    assertEquals(List.of(new RouteRejection("warehouse.Warehouse", List.of("service: warehouse.Warehouse is already routed by route Warehouse"))), c.rejections());
    assertEquals("Warehouse", c.snapshot().route("warehouse.Warehouse").config().service());
  }

  @Test
  void aRejectedRouteKeepsServingItsPreviousCompilationWhileOthersUpdate() {
    IdlSnapshotCompiler compiler = compiler(ANY_PAIR, CompatibilityCheck.NONE);
    RouteConfig thriftRoute = RouteConfig.of("warehouse.Warehouse", "legacy");
    RouteConfig protoRoute = RouteConfig.of("acme.v1.WarehouseService", "new-grpc");
    Compilation first = compiler.compile(sources(THRIFT, PROTO, List.of(thriftRoute, protoRoute)), RouteSnapshot.EMPTY);
    CompiledRoute servedThrift = first.snapshot().route("warehouse.Warehouse");

    RouteConfig brokenThrift = RouteConfig.builder("warehouse.Warehouse", "legacy").cache(RouteCacheConfig.of(List.of("nope"), Duration.ofSeconds(1))).build();
    RouteConfig slowerProto = RouteConfig.builder("acme.v1.WarehouseService", "new-grpc").timeout(Duration.ofSeconds(2)).build();
    Compilation second = compiler.compile(sources(THRIFT, PROTO, List.of(brokenThrift, slowerProto)), first.snapshot());

    assertEquals(List.of(new RouteRejection("warehouse.Warehouse", List.of("cache.methods: nope is not a method of warehouse.Warehouse (methods: getItem, listItems, ping, stock)"))),
        second.rejections());
    assertSame(servedThrift, second.snapshot().route("warehouse.Warehouse"));
    assertEquals(thriftRoute, second.snapshot().route("warehouse.Warehouse").config());
    assertEquals(slowerProto, second.snapshot().route("acme.v1.WarehouseService").config());
    assertTrue(second.snapshot().version() > first.snapshot().version());
  }

  @Test
  void anUnchangedRouteKeepsItsGenerationAndAnIdlChangeGivesANewOne() {
    IdlSnapshotCompiler compiler = compiler(ANY_PAIR, CompatibilityCheck.NONE);
    List<RouteConfig> routes = List.of(RouteConfig.of("warehouse.Warehouse", "legacy"));
    Compilation first = compiler.compile(sources(THRIFT, PROTO, routes), RouteSnapshot.EMPTY);
    Compilation same = compiler.compile(sources(THRIFT, PROTO, routes), first.snapshot());
    Compilation changed = compiler.compile(sources(THRIFT.replace("getItem", "getItem, getItems"), PROTO, routes), same.snapshot());

    assertSame(first.snapshot().route("warehouse.Warehouse"), same.snapshot().route("warehouse.Warehouse"));
    long before = same.snapshot().route("warehouse.Warehouse").generation();
    long after = changed.snapshot().route("warehouse.Warehouse").generation();
    assertNotEquals(before, after);
    assertEquals(List.of("getItem", "getItems", "listItems", "ping", "stock"),
        changed.snapshot().route("warehouse.Warehouse").methods().stream().map(m -> m.callerMethod().name()).toList());
  }

  @Test
  void theRouterResolvesAgainstWhicheverSnapshotIsCurrent() {
    IdlSnapshotCompiler compiler = compiler(ANY_PAIR, CompatibilityCheck.NONE);
    Compilation c = compiler.compile(sources(THRIFT, PROTO, List.of(RouteConfig.of("warehouse.Warehouse", "legacy"))), RouteSnapshot.EMPTY);
    var current = new java.util.concurrent.atomic.AtomicReference<>(RouteSnapshot.EMPTY);
    Router router = new Router(current::get);

    assertNull(router.resolve("warehouse.Warehouse", "getItem"));
    current.set(c.snapshot());
    assertEquals("warehouse.Warehouse/getItem -> warehouse.Warehouse/getItem on legacy", router.resolve("warehouse.Warehouse", "getItem").toString());
  }

  @Test
  void aBadCacheTtlAnnotationInThriftIdlIsReportedAtItsSourceName() {
    IdlSnapshotCompiler compiler = IdlSnapshotCompiler.builder()
        .backendProvider(c -> clients.computeIfAbsent(c, thriftClients::create))
        .build();
    String idl = "service Warehouse {\n  i64 count(1: string sku) (cache.ttl = \"soon\")\n}\n";

    Compilation c = compiler.compile(new RouteSources(Map.of("inv/warehouse.thrift", idl), Map.of("legacy", THRIFT_BACKEND),
        Map.of("warehouse.Warehouse", RouteConfig.of("warehouse.Warehouse", "legacy"))), RouteSnapshot.EMPTY);

    assertEquals(List.of(new RouteRejection("warehouse.Warehouse",
        List.of("method count: cache.ttl \"soon\" at inv/warehouse.thrift:2:3 (expected: a positive duration like 30s, 250ms or 2m)"))), c.rejections());
  }
}
