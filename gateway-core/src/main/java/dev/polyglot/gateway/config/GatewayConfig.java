package dev.polyglot.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code gateway.yaml} says, typed and validated. Immutable. Read one with
 * {@link GatewayConfigLoader#load(Path)}, or assemble one in code with {@link #builder()}.
 *
 * @param baseDirectory the folder of the configuration file; IDL source names are relative to it
 * @param idl IDL files and folders, absolute
 * @param backends by name, in declaration order
 * @param routes in declaration order; at most one per caller service
 * @param shutdownGracePeriod how long in-flight calls may take to finish after a stop is requested
 */
public record GatewayConfig(
    Path baseDirectory,
    List<Path> idl,
    ListenersConfig listeners,
    Map<String, BackendConfig> backends,
    List<RouteConfig> routes,
    CacheConfig cache,
    AdminConfig admin,
    ClusterConfig cluster,
    Duration shutdownGracePeriod) {

  public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(10);

  public GatewayConfig {
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    idl = List.copyOf(idl);
    Objects.requireNonNull(listeners, "listeners");
    backends = Collections.unmodifiableMap(new LinkedHashMap<>(backends));
    routes = List.copyOf(routes);
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    for (Map.Entry<String, BackendConfig> e : backends.entrySet()) {
      if (!e.getKey().equals(e.getValue().name())) {
        throw new IllegalArgumentException("backends." + e.getKey() + ": named " + e.getValue().name() + " (expected: the same name as its key)");
      }
    }
    for (RouteConfig r : routes) {
      if (!backends.containsKey(r.backend())) {
        throw new IllegalArgumentException("route " + r.service() + ": backend " + r.backend() + " is not defined (defined: " + String.join(", ", backends.keySet()) + ")");
      }
    }
    ConfigChecks.positive("shutdown.grace_period", shutdownGracePeriod);
  }

  /** Defaults everywhere: no IDL, no routes, the three listeners on their default ports. */
  public static Builder builder() {
    return new Builder();
  }

  /** Not thread-safe. */
  public static final class Builder {
    private Path baseDirectory = Path.of("").toAbsolutePath();
    private final List<Path> idl = new ArrayList<>();
    private ListenersConfig listeners = ListenersConfig.DEFAULT;
    private final Map<String, BackendConfig> backends = new LinkedHashMap<>();
    private final List<RouteConfig> routes = new ArrayList<>();
    private CacheConfig cache = CacheConfig.DEFAULT;
    private AdminConfig admin = AdminConfig.DEFAULT;
    private ClusterConfig cluster = ClusterConfig.DEFAULT;
    private Duration shutdownGracePeriod = DEFAULT_SHUTDOWN_GRACE_PERIOD;

    private Builder() {}

    public Builder baseDirectory(Path dir) {
      this.baseDirectory = dir.toAbsolutePath();
      return this;
    }

    public Builder idl(Path fileOrFolder) {
      idl.add(fileOrFolder.toAbsolutePath());
      return this;
    }

    public Builder listeners(ListenersConfig listeners) {
      this.listeners = listeners;
      return this;
    }

    public Builder backend(BackendConfig backend) {
      backends.put(backend.name(), backend);
      return this;
    }

    public Builder route(RouteConfig route) {
      routes.add(route);
      return this;
    }

    public Builder cache(CacheConfig cache) {
      this.cache = cache;
      return this;
    }

    public Builder admin(AdminConfig admin) {
      this.admin = admin;
      return this;
    }

    public Builder cluster(ClusterConfig cluster) {
      this.cluster = cluster;
      return this;
    }

    public Builder shutdownGracePeriod(Duration gracePeriod) {
      this.shutdownGracePeriod = gracePeriod;
      return this;
    }

    public GatewayConfig build() {
      return new GatewayConfig(baseDirectory, idl, listeners, backends, routes, cache, admin, cluster, shutdownGracePeriod);
    }
  }
}
