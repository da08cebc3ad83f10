package dev.polyglot.gateway.route;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled routes a node serves at one moment. Immutable; swapped as a whole when the route
 * table changes, so one call sees one consistent set of routes from start to end.
 *
 * <p>A caller service is found by its qualified name, by the name the route was configured with, or by
 * its simple name when that is unique in the route's schema.
 */
public final class RouteSnapshot {
  public static final RouteSnapshot EMPTY = new RouteSnapshot(0, List.of(), List.of());

  private final long version;
  private final List<CompiledRoute> routes;
  private final List<RouteRejection> rejections;
  private final Map<String, CompiledRoute> byService;

  RouteSnapshot(long version, List<CompiledRoute> routes, List<RouteRejection> rejections) {
    this.version = version;
    this.routes = List.copyOf(routes);
    this.rejections = List.copyOf(rejections);
    Map<String, CompiledRoute> names = new HashMap<>();
    for (CompiledRoute r : routes) names.put(r.callerService().qualifiedName(), r);
    for (CompiledRoute r : routes) {
      names.putIfAbsent(r.config().service(), r);
      String simple = r.callerService().name();
      if (r.schema().service(simple).map(s -> s == r.callerService()).orElse(false)) names.putIfAbsent(simple, r);
    }
    this.byService = names;
  }

  /** Increases with every compilation on this node (not comparable across nodes). */
  public long version() {
    return version;
  }

  /** In route-key order. */
  public List<CompiledRoute> routes() {
    return routes;
  }

  /** Routes rejected by the compilation that produced this snapshot (some may serve an older version). */
  public List<RouteRejection> rejections() {
    return rejections;
  }

  /** The route for a caller service, or null. */
  public CompiledRoute route(String callerService) {
    return byService.get(callerService);
  }

  /** The method of a caller service, or null when the service is not routed or has no such method. */
  public RouteMethod method(String callerService, String method) {
    CompiledRoute r = byService.get(callerService);
    return r == null ? null : r.method(method);
  }

  @Override
  public String toString() {
    return "RouteSnapshot[version " + version + ", " + routes.size() + " routes, " + rejections.size() + " rejected]";
  }
}
