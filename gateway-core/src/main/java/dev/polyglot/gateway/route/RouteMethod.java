package dev.polyglot.gateway.route;

import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.translate.WireFormat;

/**
 * Everything a call to one caller method needs, resolved when the route was compiled: the backend
 * method handle, the translator, the canonicalizer and the cache policy. Immutable; the hot path reads
 * fields and never looks anything up by name.
 */
public final class RouteMethod {
  private final CompiledRoute route;
  private final int index;
  private final MethodDef callerMethod;
  private final MethodDef backendMethod;
  private final BackendMethod backend;
  private final CallTranslator translator;
  private final RequestCanonicalizer canonicalizer;
  private final long cacheTtlNanos;

  RouteMethod(CompiledRoute route, int index, MethodDef callerMethod, MethodDef backendMethod, BackendMethod backend,
      CallTranslator translator, RequestCanonicalizer canonicalizer, long cacheTtlNanos) {
    this.route = route;
    this.index = index;
    this.callerMethod = callerMethod;
    this.backendMethod = backendMethod;
    this.backend = backend;
    this.translator = translator;
    this.canonicalizer = canonicalizer;
    this.cacheTtlNanos = cacheTtlNanos;
  }

  public CompiledRoute route() {
    return route;
  }

  /** Position in {@link CompiledRoute#methods()}; stable for the life of the compiled route. */
  public int index() {
    return index;
  }

  /** The method as the caller's IDL declares it (oneway, HTTP rules, request/response types). */
  public MethodDef callerMethod() {
    return callerMethod;
  }

  public MethodDef backendMethod() {
    return backendMethod;
  }

  public BackendMethod backend() {
    return backend;
  }

  public WireFormat backendFormat() {
    return route.backend().format();
  }

  public CallTranslator translator() {
    return translator;
  }

  public RequestCanonicalizer canonicalizer() {
    return canonicalizer;
  }

  /** Whether successful replies are cached. */
  public boolean isCached() {
    return cacheTtlNanos > 0;
  }

  /** Time to live of a cached reply; 0 when not cached. */
  public long cacheTtlNanos() {
    return cacheTtlNanos;
  }

  public boolean isOneway() {
    return callerMethod.oneway();
  }

  @Override
  public String toString() {
    return route.callerService().qualifiedName() + "/" + callerMethod.name() + " -> " + route.backendService().qualifiedName() + "/"
        + backendMethod.name() + " on " + route.backendConfig().name();
  }
}
