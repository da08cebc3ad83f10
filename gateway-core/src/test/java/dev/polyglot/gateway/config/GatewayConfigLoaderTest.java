package dev.polyglot.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GatewayConfigLoaderTest {
  @TempDir static Path dir;

  @BeforeAll
  static void idlFiles() throws IOException {
    Files.writeString(dir.resolve("warehouse.thrift"), "service Warehouse {}\n");
    Files.writeString(dir.resolve("warehouse.proto"), "syntax = \"proto3\";\n");
    Files.createDirectories(dir.resolve("shared"));
  }

  private static final String FULL = """
      idl:
        - warehouse.thrift
        - warehouse.proto
        - shared
      listeners:
        http:   { host: 127.0.0.1, port: 8080, max_body_size: 1MiB }
        thrift: { port: 9090, service: warehouse.Warehouse, max_frame_size: 8MiB, max_message_size: 2MB }
        grpc:   { port: 50051, max_message_size: 4194304 }
      backends:
        new-grpc:
          protocol: grpc
          endpoints: [ "127.0.0.1:50061", "[::1]:50062" ]
          timeout: 2s
        legacy-thrift:
          protocol: thrift
          endpoints: [ "127.0.0.1:9091" ]
          transport: buffered
          encoding: compact
          multiplexed: Warehouse
          connect_timeout: 250ms
          timeout: 1m
          pool_size: 4
      routes:
        - service: warehouse.Warehouse
          backend: new-grpc
          backend_service: acme.warehouse.v1.WarehouseService
          timeout: 500ms
          cache: { methods: [ getItem, listItems ], ttl: 30s }
        - service: acme.warehouse.v1.WarehouseService
          backend: legacy-thrift
          backend_service: warehouse.Warehouse
      cache:
        max_size: 128MiB
      admin:
        port: 9902
      cluster:
        name: staging
        host: 10.0.0.5
        port: 5801
        members: [ "10.0.0.5:5801", "10.0.0.6:5801" ]
      shutdown:
        grace_period: 15s
      """;

  @Test
  void aFullConfigurationIsReadIntoExactRecords() throws ConfigException {
    GatewayConfig expected = GatewayConfig.builder()
        .baseDirectory(dir)
        .idl(dir.resolve("warehouse.thrift"))
        .idl(dir.resolve("warehouse.proto"))
        .idl(dir.resolve("shared"))
        .listeners(new ListenersConfig(
            Optional.of(new HttpListenerConfig("127.0.0.1", 8080, 1L << 20)),
            Optional.of(new ThriftListenerConfig("0.0.0.0", 9090, Optional.of("warehouse.Warehouse"), 8L << 20, 2_000_000L)),
            Optional.of(new GrpcListenerConfig("0.0.0.0", 50051, 4_194_304L))))
        .backend(BackendConfig.builder("new-grpc", BackendProtocol.GRPC)
            .endpoint("127.0.0.1", 50061).endpoint("::1", 50062).timeout(Duration.ofSeconds(2)).build())
        .backend(BackendConfig.builder("legacy-thrift", BackendProtocol.THRIFT)
            .endpoint("127.0.0.1", 9091).transport(ThriftTransport.BUFFERED).encoding(ThriftEncoding.COMPACT)
            .multiplexedService("Warehouse").connectTimeout(Duration.ofMillis(250)).timeout(Duration.ofMinutes(1)).poolSize(4).build())
        .route(RouteConfig.builder("warehouse.Warehouse", "new-grpc").backendService("acme.warehouse.v1.WarehouseService")
            .timeout(Duration.ofMillis(500)).cache(RouteCacheConfig.of(List.of("getItem", "listItems"), Duration.ofSeconds(30))).build())
        .route(RouteConfig.builder("acme.warehouse.v1.WarehouseService", "legacy-thrift").backendService("warehouse.Warehouse").build())
        .cache(new CacheConfig(128L << 20))
        .admin(new AdminConfig("127.0.0.1", 9902))
        .cluster(new ClusterConfig("staging", "10.0.0.5", 5801, List.of(Endpoint.of("10.0.0.5", 5801), Endpoint.of("10.0.0.6", 5801))))
        .shutdownGracePeriod(Duration.ofSeconds(15))
        .build();

    assertEquals(expected, GatewayConfigLoader.parse(FULL, "gateway.yaml", dir));
  }

  @Test
  void anEmptyFileMeansEveryDefault() throws ConfigException {
    GatewayConfig c = GatewayConfigLoader.parse("", "gateway.yaml", dir);

    assertEquals(GatewayConfig.builder().baseDirectory(dir).build(), c);
    assertEquals(ListenersConfig.DEFAULT, c.listeners());
    assertEquals(new ClusterConfig("polyglot", "127.0.0.1", 5701, List.of()), c.cluster());
    assertEquals(new AdminConfig("127.0.0.1", 9901), c.admin());
    assertEquals(new CacheConfig(64L << 20), c.cache());
    assertEquals(Duration.ofSeconds(10), c.shutdownGracePeriod());
  }

  @Test
  void omittedKeysTakeTheirDefaults() throws ConfigException {
    GatewayConfig c = GatewayConfigLoader.parse("""
        listeners:
          thrift:
        backends:
          t: { protocol: thrift, endpoints: [ "localhost:9091" ] }
        routes:
          - { service: warehouse.Warehouse, backend: t, cache: { methods: [ getItem ] } }
        """, "gateway.yaml", dir);

    assertEquals(new ListenersConfig(Optional.empty(), Optional.of(ThriftListenerConfig.of("0.0.0.0", 9090, null)), Optional.empty()), c.listeners());
    assertEquals(new BackendConfig("t", BackendProtocol.THRIFT, List.of(Endpoint.of("localhost", 9091)), ThriftTransport.FRAMED, ThriftEncoding.BINARY,
        Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(30), 8), c.backends().get("t"));
    assertEquals(List.of(new RouteConfig("warehouse.Warehouse", "t", "warehouse.Warehouse", Optional.empty(),
        RouteCacheConfig.of(List.of("getItem"), Duration.ofSeconds(30)))), c.routes());
  }

  @Test
  void theThriftListenerLimitsDefaultTo1024ConnectionsAndFiveMinutesIdle() throws ConfigException {
    ThriftListenerConfig c = GatewayConfigLoader.parse("listeners:\n  thrift: { port: 9090 }\n", "gateway.yaml", dir).listeners().thrift().orElseThrow();

    assertEquals(1024, c.maxConnections());
    assertEquals(Duration.ofMinutes(5), c.idleTimeout());
    assertEquals(new ThriftListenerConfig("0.0.0.0", 9090, Optional.empty(), 16L << 20, 16L << 20, 1024, Duration.ofMinutes(5)), c);
  }

  @Test
  void theThriftListenerLimitsAreReadFromTheirKeys() throws ConfigException {
    ThriftListenerConfig c = GatewayConfigLoader.parse("""
        listeners:
          thrift:
            port: 9090
            max_connections: 64
            idle_timeout: 90s
        """, "gateway.yaml", dir).listeners().thrift().orElseThrow();

    assertEquals(new ThriftListenerConfig("0.0.0.0", 9090, Optional.empty(), 16L << 20, 16L << 20, 64, Duration.ofSeconds(90)), c);
    assertEquals(Duration.ofMillis(300), GatewayConfigLoader.parse("listeners: { thrift: { idle_timeout: 300ms } }\n", "gateway.yaml", dir)
        .listeners().thrift().orElseThrow().idleTimeout());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badThriftLimitsInCode")
  void theThriftListenerRecordRefusesBadLimitsInCodeToo(String name, int maxConnections, Duration idleTimeout, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ThriftListenerConfig("127.0.0.1", 0, Optional.empty(), 1024, 1024, maxConnections, idleTimeout));
    assertEquals(expected, e.getMessage());
  }

  static Stream<Arguments> badThriftLimitsInCode() {
    return Stream.of(
        Arguments.of("no connection", 0, Duration.ofSeconds(1), "max_connections: 0 (expected: at least 1)"),
        Arguments.of("a negative cap", -1, Duration.ofSeconds(1), "max_connections: -1 (expected: at least 1)"),
        Arguments.of("a zero idle timeout", 1, Duration.ZERO, "idle_timeout: 0s (expected: a positive duration like 30s, 250ms or 2m)"),
        Arguments.of("a negative idle timeout", 1, Duration.ofMillis(-250), "idle_timeout: -250ms (expected: a positive duration like 30s, 250ms or 2m)"));
  }

  @Test
  void aRouteForTheAdminApiIsParsedAlone() throws ConfigException {
    assertEquals(RouteConfig.builder("warehouse.Warehouse", "new-grpc").backendService("acme.v1.Warehouse").timeout(Duration.ofSeconds(3)).build(),
        GatewayConfigLoader.parseRoute("{\"service\": \"warehouse.Warehouse\", \"backend\": \"new-grpc\", \"backend_service\": \"acme.v1.Warehouse\", \"timeout\": \"3s\"}", "request"));
    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigLoader.parseRoute("service: a.B\nbackend_servic: c.D\n", "request"));
    assertEquals("request:1:1: missing key backend (expected: the name of a backend)\n"
        + "request:2:1: backend_servic: unknown key (expected one of: service, backend, backend_service, timeout, cache)", e.getMessage());
  }

  @Test
  void aBackendForTheAdminApiIsParsedAlone() throws ConfigException {
    assertEquals(BackendConfig.builder("b", BackendProtocol.GRPC).endpoint("127.0.0.1", 50061).build(),
        GatewayConfigLoader.parseBackend("b", "protocol: grpc\nendpoints: [\"127.0.0.1:50061\"]\n", "request"));
  }

  private static final String BACKENDS = """
      backends:
        new-grpc: { protocol: grpc, endpoints: [ "127.0.0.1:50061" ] }
      """;

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of("a port out of range", """
            listeners:
              http: { port: 70000 }
            """, "gateway.yaml:2:17: listeners.http.port: 70000 (expected: 1-65535)"),
        Arguments.of("a misspelt route key", BACKENDS + """
            routes:
              - { service: a.A, backend: new-grpc }
              - service: b.B
                backend: new-grpc
                cahce: { methods: [ get ] }
            """, "gateway.yaml:7:5: routes[1].cahce: unknown key (expected one of: service, backend, backend_service, timeout, cache)"),
        Arguments.of("an unknown top-level key", "listener:\n  http: {}\n",
            "gateway.yaml:1:1: listener: unknown key (expected one of: idl, listeners, backends, routes, cache, admin, cluster, shutdown)"),
        Arguments.of("a duration without a unit", BACKENDS + """
            routes:
              - { service: a.A, backend: new-grpc, timeout: 30 }
            """, "gateway.yaml:4:49: routes[0].timeout: 30 (expected: a positive duration like 30s, 250ms or 2m)"),
        Arguments.of("a route naming an undefined backend", BACKENDS + """
            routes:
              - service: a.A
                backend: legacy
            """, "gateway.yaml:5:14: routes[0].backend: legacy (expected one of: new-grpc)"),
        Arguments.of("an unknown backend protocol", """
            backends:
              b: { protocol: http, endpoints: [ "h:1" ] }
            """, "gateway.yaml:2:18: backends.b.protocol: http (expected: grpc or thrift)"),
        Arguments.of("an endpoint without a port", """
            backends:
              b: { protocol: grpc, endpoints: [ localhost ] }
            """, "gateway.yaml:2:37: backends.b.endpoints[0]: localhost (expected: host:port with port 1-65535)"),
        Arguments.of("a Thrift-only key on a gRPC backend", """
            backends:
              b: { protocol: grpc, endpoints: [ "h:1" ], transport: framed }
            """, "gateway.yaml:2:46: backends.b.transport: set on a grpc backend (expected: only on thrift backends)"),
        Arguments.of("a route without a backend", """
            routes:
              - service: a.A
            """, "gateway.yaml:2:5: routes[0]: missing key backend (expected: the name of a backend)"),
        Arguments.of("two routes for one service", BACKENDS + """
            routes:
              - { service: a.A, backend: new-grpc }
              - { service: a.A, backend: new-grpc }
            """, "gateway.yaml:5:16: routes[1].service: a.A is already routed by routes[0]"),
        Arguments.of("a missing IDL file", "idl: [ warehouse.thrift, missing.thrift ]\n",
            "gateway.yaml:1:26: idl[1]: missing.thrift (expected: an existing file or folder, relative to gateway.yaml)"),
        Arguments.of("two listeners on one port", """
            listeners:
              http: { port: 8080 }
              grpc: { port: 8080 }
            """, "gateway.yaml:3:17: listeners.grpc.port: 8080 (expected: a port not already used by listeners.http.port)"),
        Arguments.of("a listener whose default port the admin API already takes", """
            admin: { port: 8080 }
            listeners:
              http: {}
            """, "gateway.yaml:3:9: listeners.http.port: 8080 (expected: a port not already used by admin.port)"),
        Arguments.of("a size with an unknown unit", """
            listeners:
              thrift: { max_frame_size: 16 megs }
            """, "gateway.yaml:2:29: listeners.thrift.max_frame_size: 16 megs (expected: a size like 16MiB, 512KiB or 1048576)"),
        Arguments.of("a Thrift listener allowing no connection at all", """
            listeners:
              thrift: { max_connections: 0 }
            """, "gateway.yaml:2:30: listeners.thrift.max_connections: 0 (expected: at least 1)"),
        Arguments.of("a negative Thrift connection cap", """
            listeners:
              thrift: { max_connections: -5 }
            """, "gateway.yaml:2:30: listeners.thrift.max_connections: -5 (expected: at least 1)"),
        Arguments.of("a Thrift connection cap that is not a number", """
            listeners:
              thrift: { max_connections: many }
            """, "gateway.yaml:2:30: listeners.thrift.max_connections: many (expected: at least 1)"),
        Arguments.of("a zero Thrift idle timeout", """
            listeners:
              thrift: { idle_timeout: 0 }
            """, "gateway.yaml:2:27: listeners.thrift.idle_timeout: 0 (expected: a positive duration like 30s, 250ms or 2m)"),
        Arguments.of("a zero Thrift idle timeout with a unit", """
            listeners:
              thrift: { idle_timeout: 0s }
            """, "gateway.yaml:2:27: listeners.thrift.idle_timeout: 0s (expected: a positive duration like 30s, 250ms or 2m)"),
        Arguments.of("a malformed Thrift idle timeout", """
            listeners:
              thrift: { idle_timeout: 5 minutes }
            """, "gateway.yaml:2:27: listeners.thrift.idle_timeout: 5 minutes (expected: a positive duration like 30s, 250ms or 2m)"),
        Arguments.of("an unknown Thrift encoding", """
            backends:
              t: { protocol: thrift, endpoints: [ "h:1" ], encoding: json }
            """, "gateway.yaml:2:58: backends.t.encoding: json (expected: binary or compact)"),
        Arguments.of("a scalar where a mapping belongs", "listeners: 8080\n",
            "gateway.yaml:1:12: listeners: 8080 (expected: a mapping with keys http, thrift, grpc)"),
        Arguments.of("a repeated key", "admin: { port: 9000 }\nadmin: { port: 9001 }\n",
            "gateway.yaml:2:1: duplicate key admin (first at line 1)"),
        Arguments.of("a cache without methods", BACKENDS + """
            routes:
              - { service: a.A, backend: new-grpc, cache: { ttl: 10s } }
            """, "gateway.yaml:4:47: routes[0].cache: missing key methods (expected: a list of method names)"),
        Arguments.of("a pool size of zero", """
            backends:
              t: { protocol: thrift, endpoints: [ "h:1" ], pool_size: 0 }
            """, "gateway.yaml:2:59: backends.t.pool_size: 0 (expected: 1-1024)"),
        Arguments.of("a max_connections of zero", """
            backends:
              t: { protocol: thrift, endpoints: [ "h:1" ], max_connections: 0 }
            """, "gateway.yaml:2:65: backends.t.max_connections: 0 (expected: 1-4096)"),
        Arguments.of("a max_connections below pool_size", """
            backends:
              t: { protocol: thrift, endpoints: [ "h:1" ], pool_size: 8, max_connections: 4 }
            """, "gateway.yaml:2:6: backends.t: max_connections: 4 (expected: at least pool_size, 8)"),
        Arguments.of("a max_connections on a grpc backend", """
            backends:
              g: { protocol: grpc, endpoints: [ "h:1" ], max_connections: 8 }
            """, "gateway.yaml:2:46: backends.g.max_connections: set on a grpc backend (expected: only on thrift backends)"),
        Arguments.of("a cluster member with a bad port", "cluster: { members: [ \"127.0.0.1:99999\" ] }\n",
            "gateway.yaml:1:23: cluster.members[0]: 127.0.0.1:99999 (expected: host:port with port 1-65535)"),
        Arguments.of("a zero grace period", "shutdown: { grace_period: 0s }\n",
            "gateway.yaml:1:27: shutdown.grace_period: 0s (expected: a positive duration like 30s, 250ms or 2m)"),
        Arguments.of("several problems at once, reported together in file order", """
            listeners:
              grpc: { port: 0, hots: x }
            backends:
              b: { protocol: grpc }
            """, "gateway.yaml:2:17: listeners.grpc.port: 0 (expected: 1-65535)\n"
                + "gateway.yaml:2:20: listeners.grpc.hots: unknown key (expected one of: host, port, max_message_size)\n"
                + "gateway.yaml:4:6: backends.b: missing key endpoints (expected: a list of host:port)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigurations")
  void aBadConfigurationIsRejectedWithEveryProblemLocated(String name, String yaml, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigLoader.parse(yaml, "gateway.yaml", dir));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void aMissingFileIsReportedWithItsName() {
    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigLoader.load(dir.resolve("nope.yaml")));
    assertEquals(dir.resolve("nope.yaml") + ":1:1: cannot read the file (NoSuchFileException: " + dir.resolve("nope.yaml") + ")", e.getMessage());
  }

  @Test
  void durationsAreReadInEveryUnitAndFormattedBack() {
    assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
    assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
    assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    assertEquals(null, Durations.parse("0s"));
    assertEquals(null, Durations.parse("-1s"));
    assertEquals(null, Durations.parse("1.5s"));
    assertEquals("2m", Durations.format(Duration.ofSeconds(120)));
    assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
  }
}
