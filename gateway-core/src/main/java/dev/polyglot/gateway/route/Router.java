package dev.polyglot.gateway.route;

import java.util.function.Supplier;

/**
 * Resolves a caller's service and method against the snapshot being served. Thread-safe; one
 * volatile read and two hash lookups per call, never touching the cluster.
 */
public final class Router {
  private final Supplier<RouteSnapshot> snapshots;

  public Router(Supplier<RouteSnapshot> snapshots) {
    this.snapshots = snapshots;
  }

  /** The method to call, or null when the service is not routed or has no such method. */
  public RouteMethod resolve(String callerService, String method) {
    return snapshots.get().method(callerService, method);
  }

  /** The snapshot being served; hold on to it to see one consistent set of routes. */
  public RouteSnapshot snapshot() {
    return snapshots.get();
  }
}
