package dev.polyglot.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which methods of a route have their successful replies cached, and for how long.
 *
 * @param methods method names of the route's caller service
 * @param ttl how long a reply is served from the cache
 */
public record RouteCacheConfig(List<String> methods, Duration ttl) {
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
  /** No method cached (the default). */
  public static final RouteCacheConfig NONE = new RouteCacheConfig(List.of(), DEFAULT_TTL);

  public RouteCacheConfig {
    methods = List.copyOf(methods);
    Objects.requireNonNull(ttl, "ttl");
    ConfigChecks.positive("ttl", ttl);
  }

  public static RouteCacheConfig of(List<String> methods, Duration ttl) {
    return new RouteCacheConfig(methods, ttl);
  }
}
