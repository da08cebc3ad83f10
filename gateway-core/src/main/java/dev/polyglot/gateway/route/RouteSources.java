package dev.polyglot.gateway.route;

import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.RouteConfig;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The route table's contents at one moment: what a snapshot is compiled from. Immutable; maps are
 * sorted by key so that compilation is deterministic.
 *
 * @param idl file name → IDL text
 * @param backends backend name → configuration
 * @param routes route key (the caller service as configured) → route
 */
public record RouteSources(Map<String, String> idl, Map<String, BackendConfig> backends, Map<String, RouteConfig> routes) {
  public static final RouteSources EMPTY = new RouteSources(Map.of(), Map.of(), Map.of());

  public RouteSources {
    idl = Collections.unmodifiableMap(new TreeMap<>(idl));
    backends = Collections.unmodifiableMap(new TreeMap<>(backends));
    routes = Collections.unmodifiableMap(new TreeMap<>(routes));
  }
}
