package dev.polyglot.gateway.route;

import java.util.List;

/**
 * Why a route could not be compiled: the compatibility report and every other problem, one sentence
 * each. A rejected route that was serving before keeps serving its previous compilation.
 *
 * @param route the route's key: its caller service as configured
 */
public record RouteRejection(String route, List<String> problems) {
  public RouteRejection {
    problems = List.copyOf(problems);
  }

  /** {@code route X rejected:} followed by one {@code  - problem} line each. */
  public String report() {
    StringBuilder sb = new StringBuilder("route ").append(route).append(" rejected:");
    for (String p : problems) sb.append("\n  - ").append(p);
    return sb.toString();
  }
}
