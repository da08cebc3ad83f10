package dev.polyglot.gateway.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One route: callers of {@code service} (over any protocol) reach {@code backendService} on
 * {@code backend}. When the two services are the same, calls pass through without translation
 * (where the caller's and the backend's wire formats agree).
 *
 * @param service the IDL service callers speak, qualified or by a unique simple name
 * @param backend a key of {@code backends:}
 * @param backendService the IDL service the backend implements
 * @param timeout per-call timeout overriding the backend's; a caller's shorter deadline wins
 */
public record RouteConfig(String service, String backend, String backendService, Optional<Duration> timeout, RouteCacheConfig cache) {

  public RouteConfig {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(backendService, "backendService");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(cache, "cache");
    if (service.isEmpty()) throw new IllegalArgumentException("service: empty (expected: a service name)");
    if (backend.isEmpty()) throw new IllegalArgumentException("backend: empty (expected: a backend name)");
    if (backendService.isEmpty()) throw new IllegalArgumentException("backend_service: empty (expected: a service name)");
    timeout.ifPresent(t -> ConfigChecks.positive("timeout", t));
  }

  /** A route to the same service on {@code backend}, no timeout override, no cache. */
  public static RouteConfig of(String service, String backend) {
    return builder(service, backend).build();
  }

  public static Builder builder(String service, String backend) {
    return new Builder(service, backend);
  }

  /** Not thread-safe. */
  public static final class Builder {
    private final String service;
    private final String backend;
    private String backendService;
    private Optional<Duration> timeout = Optional.empty();
    private RouteCacheConfig cache = RouteCacheConfig.NONE;

    private Builder(String service, String backend) {
      this.service = service;
      this.backend = backend;
    }

    /** Defaults to the caller's service (a pass-through route). */
    public Builder backendService(String backendService) {
      this.backendService = backendService;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = Optional.of(timeout);
      return this;
    }

    public Builder cache(RouteCacheConfig cache) {
      this.cache = cache;
      return this;
    }

    public RouteConfig build() {
      return new RouteConfig(service, backend, backendService == null ? service : backendService, timeout, cache);
    }
  }
}
