package dev.polyglot.adapters.http.server;

import dev.polyglot.gateway.route.CompiledRoute;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.idl.HttpRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP view of one {@link RouteSnapshot}: an endpoint per routed method and the resource routes
 * of every {@link HttpRule}, with their templates compiled. Built once per snapshot (the listener
 * rebuilds it when the snapshot it was built from is no longer the one served); immutable and
 * thread-safe.
 *
 * <p>Design note: resource routes are kept in one list ordered by specificity (literal segments
 * first), so {@code /v1/items:search} wins over {@code /v1/items/{sku}} whatever the IDL order, and a
 * request is matched by one scan. When two rules of different routes bind the same verb and
 * template, the first route in route-key order serves it and the other is logged; so is a rule that
 * cannot be served (a variable naming a struct field, a bad template), while its method stays
 * callable RPC-style. Both are logged each time a snapshot is compiled.
 */
final class HttpRoutes {
  private static final Logger log = LoggerFactory.getLogger(HttpRoutes.class);
  static final HttpRoutes EMPTY = new HttpRoutes(RouteSnapshot.EMPTY, new IdentityHashMap<>(), List.of());

  private final RouteSnapshot snapshot;
  private final Map<RouteMethod, MethodEndpoint> endpoints;
  private final ResourceRoute[] resources;

  private HttpRoutes(RouteSnapshot snapshot, Map<RouteMethod, MethodEndpoint> endpoints, List<ResourceRoute> resources) {
    this.snapshot = snapshot;
    this.endpoints = endpoints;
    this.resources = resources.toArray(new ResourceRoute[0]);
  }

  static HttpRoutes compile(RouteSnapshot snapshot) {
    Map<RouteMethod, MethodEndpoint> endpoints = new IdentityHashMap<>();
    List<ResourceRoute> resources = new ArrayList<>();
    Map<String, ResourceRoute> seen = new HashMap<>();
    for (CompiledRoute route : snapshot.routes()) {
      for (RouteMethod m : route.methods()) {
        MethodEndpoint e = MethodEndpoint.of(route, m);
        endpoints.put(m, e);
        for (HttpRule rule : m.callerMethod().httpRules()) {
          ResourceRoute r;
          try {
            r = ResourceRoute.compile(e, rule);
          } catch (IllegalArgumentException ex) {
            log.warn("{}: {}/{}: HTTP rule {} {} not served: {}", rule.location(), e.serviceName(), e.methodName(), rule.verb(), rule.pathTemplate(), ex.getMessage());
            continue;
          }
          ResourceRoute first = seen.putIfAbsent(r.verb() + " " + r.template().text(), r);
          if (first != null) {
            log.warn("{}: {} is already served by {}", rule.location(), r, first);
            continue;
          }
          resources.add(r);
        }
      }
    }
    resources.sort((a, b) -> PathTemplate.bySpecificity(a.template(), b.template()));
    return new HttpRoutes(snapshot, endpoints, resources);
  }

  RouteSnapshot snapshot() {
    return snapshot;
  }

  /** The endpoint of a method of this snapshot. */
  MethodEndpoint endpoint(RouteMethod method) {
    return endpoints.get(method);
  }

  /** The most specific resource route for {@code verb} matching {@code path}, or null. */
  ResourceRoute match(String verb, RequestPath path) {
    for (ResourceRoute r : resources) if (r.verb().equals(verb) && r.template().matches(path)) return r;
    return null;
  }

  /** The verbs some resource route serves at {@code path}, sorted (for 405 and its Allow header). */
  TreeSet<String> verbsAt(RequestPath path) {
    TreeSet<String> out = new TreeSet<>();
    for (ResourceRoute r : resources) if (r.template().matches(path)) out.add(r.verb());
    return out;
  }
}
