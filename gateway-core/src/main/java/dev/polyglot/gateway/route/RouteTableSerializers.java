package dev.polyglot.gateway.route;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.Endpoint;
import dev.polyglot.gateway.config.RouteCacheConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How routes and backends are stored in the cluster's maps: Hazelcast compact records with explicit,
 * named fields (durations in nanoseconds, enums by name), so that members of different builds can
 * read each other's entries and no Java serialization is involved. Reading goes through the records'
 * constructors, which validate again.
 */
final class RouteTableSerializers {
  private RouteTableSerializers() {}

  static final class Routes implements CompactSerializer<RouteConfig> {
    @Override
    public RouteConfig read(CompactReader in) {
      long timeout = in.readInt64("timeout_nanos");
      String[] methods = in.readArrayOfString("cache_methods");
      return new RouteConfig(in.readString("service"), in.readString("backend"), in.readString("backend_service"),
          timeout > 0 ? Optional.of(Duration.ofNanos(timeout)) : Optional.empty(),
          new RouteCacheConfig(methods == null ? List.of() : List.of(methods), Duration.ofNanos(in.readInt64("cache_ttl_nanos"))));
    }

    @Override
    public void write(CompactWriter out, RouteConfig r) {
      out.writeString("service", r.service());
      out.writeString("backend", r.backend());
      out.writeString("backend_service", r.backendService());
      out.writeInt64("timeout_nanos", r.timeout().map(Duration::toNanos).orElse(0L));
      out.writeArrayOfString("cache_methods", r.cache().methods().toArray(String[]::new));
      out.writeInt64("cache_ttl_nanos", r.cache().ttl().toNanos());
    }

    @Override
    public String getTypeName() {
      return "polyglot.Route";
    }

    @Override
    public Class<RouteConfig> getCompactClass() {
      return RouteConfig.class;
    }
  }

  static final class Backends implements CompactSerializer<BackendConfig> {
    @Override
    public BackendConfig read(CompactReader in) {
      String[] hosts = in.readArrayOfString("endpoint_hosts");
      int[] ports = in.readArrayOfInt32("endpoint_ports");
      List<Endpoint> endpoints = new ArrayList<>();
      for (int i = 0; i < hosts.length; i++) endpoints.add(Endpoint.of(hosts[i], ports[i]));
      return new BackendConfig(in.readString("name"), BackendProtocol.valueOf(in.readString("protocol")), endpoints,
          ThriftTransport.valueOf(in.readString("transport")), ThriftEncoding.valueOf(in.readString("encoding")),
          Optional.ofNullable(in.readString("multiplexed")), Duration.ofNanos(in.readInt64("connect_timeout_nanos")),
          Duration.ofNanos(in.readInt64("timeout_nanos")), in.readInt32("pool_size"), maxConnections(in));
    }

    /** A member of an earlier version wrote no {@code max_connections}: the default then. */
    private static int maxConnections(CompactReader in) {
      return in.getFieldKind("max_connections") == FieldKind.INT32
          ? in.readInt32("max_connections")
          : Math.max(BackendConfig.DEFAULT_MAX_CONNECTIONS, in.readInt32("pool_size"));
    }

    @Override
    public void write(CompactWriter out, BackendConfig b) {
      out.writeString("name", b.name());
      out.writeString("protocol", b.protocol().name());
      out.writeArrayOfString("endpoint_hosts", b.endpoints().stream().map(Endpoint::host).toArray(String[]::new));
      out.writeArrayOfInt32("endpoint_ports", b.endpoints().stream().mapToInt(Endpoint::port).toArray());
      out.writeString("transport", b.transport().name());
      out.writeString("encoding", b.encoding().name());
      out.writeString("multiplexed", b.multiplexedService().orElse(null));
      out.writeInt64("connect_timeout_nanos", b.connectTimeout().toNanos());
      out.writeInt64("timeout_nanos", b.timeout().toNanos());
      out.writeInt32("pool_size", b.poolSize());
      out.writeInt32("max_connections", b.maxConnections());
    }

    @Override
    public String getTypeName() {
      return "polyglot.Backend";
    }

    @Override
    public Class<BackendConfig> getCompactClass() {
      return BackendConfig.class;
    }
  }
}
