package dev.polyglot.gateway.route;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One route compiled against a schema: its method table (an array, plus a name index built once) and
 * the backend client. Immutable.
 *
 * <p>Design note: {@link #generation()} identifies this compilation. Cache keys include it, so a route
 * recompiled for any reason (its config, its backend's config or the IDL changed) never sees replies
 * cached under the old one. A route whose inputs did not change is carried into the next snapshot as
 * the same object, keeping its generation and its cache entries.
 */
public final class CompiledRoute {
  private final RouteConfig config;
  private final BackendConfig backendConfig;
  private final Backend backend;
  private final Schema schema;
  private final ServiceDef callerService;
  private final ServiceDef backendService;
  private final long generation;
  private final String inputDigest;
  private final long timeoutNanos;
  private final RouteMethod[] methods;
  private final Map<String, RouteMethod> byName;

  /** Per method, in caller declaration order; built by the compiler. */
  record MethodPlan(dev.polyglot.idl.MethodDef caller, dev.polyglot.idl.MethodDef backend, dev.polyglot.gateway.call.BackendMethod handle,
      MethodTranslation translation, long cacheTtlNanos) {}

  CompiledRoute(RouteConfig config, BackendConfig backendConfig, Backend backend, Schema schema, ServiceDef callerService,
      ServiceDef backendService, long generation, String inputDigest, List<MethodPlan> plans) {
    this.config = config;
    this.backendConfig = backendConfig;
    this.backend = backend;
    this.schema = schema;
    this.callerService = callerService;
    this.backendService = backendService;
    this.generation = generation;
    this.inputDigest = inputDigest;
    this.timeoutNanos = config.timeout().orElse(backendConfig.timeout()).toNanos();
    this.methods = new RouteMethod[plans.size()];
    Map<String, RouteMethod> names = new HashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      MethodPlan p = plans.get(i);
      methods[i] = new RouteMethod(this, i, p.caller(), p.backend(), p.handle(), p.translation().translator(), p.translation().canonicalizer(), p.cacheTtlNanos());
      names.put(p.caller().name(), methods[i]);
    }
    this.byName = names;
  }

  public RouteConfig config() {
    return config;
  }

  public BackendConfig backendConfig() {
    return backendConfig;
  }

  public Backend backend() {
    return backend;
  }

  /** The schema this route was compiled against (routes of one snapshot may differ after a rejection). */
  public Schema schema() {
    return schema;
  }

  public ServiceDef callerService() {
    return callerService;
  }

  public ServiceDef backendService() {
    return backendService;
  }

  public long generation() {
    return generation;
  }

  String inputDigest() {
    return inputDigest;
  }

  /** The route's timeout, else the backend's. */
  public long timeoutNanos() {
    return timeoutNanos;
  }

  public boolean isPassThrough() {
    return callerService.qualifiedName().equals(backendService.qualifiedName());
  }

  /** Unary methods of the caller service that are served, in declaration order. */
  public List<RouteMethod> methods() {
    return Collections.unmodifiableList(java.util.Arrays.asList(methods));
  }

  /** By the exact name on the wire; null if the caller service has no such (unary) method. */
  public RouteMethod method(String name) {
    return byName.get(name);
  }

  @Override
  public String toString() {
    return callerService.qualifiedName() + " -> " + backendService.qualifiedName() + " on " + backendConfig.name() + " (generation " + generation + ")";
  }
}
