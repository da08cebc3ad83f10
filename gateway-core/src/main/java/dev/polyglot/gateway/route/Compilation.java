package dev.polyglot.gateway.route;

import java.util.List;

/**
 * The result of compiling route sources: the snapshot to serve, and the routes that were rejected
 * (empty when everything compiled).
 */
public record Compilation(RouteSnapshot snapshot, List<RouteRejection> rejections) {
  public Compilation {
    rejections = List.copyOf(rejections);
  }

  public boolean isClean() {
    return rejections.isEmpty();
  }

  /** The rejection of {@code route}, or null. */
  public RouteRejection rejection(String route) {
    for (RouteRejection r : rejections) if (r.route().equals(route)) return r;
    return null;
  }
}
