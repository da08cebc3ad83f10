package dev.polyglot.gateway.route;

/**
 * Turns route sources (IDL text, backends, routes) into an immutable {@link RouteSnapshot}. The route
 * table calls it on one thread at a time.
 */
@FunctionalInterface
public interface SnapshotCompiler {
  /**
   * @param previous the snapshot being served: a route that fails to compile keeps its compilation
   *     from here; a route whose inputs are unchanged may be carried over as is
   */
  Compilation compile(RouteSources sources, RouteSnapshot previous);
}
