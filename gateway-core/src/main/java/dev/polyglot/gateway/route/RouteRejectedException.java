package dev.polyglot.gateway.route;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A change to the route table was refused; the table is unchanged. The message is the full report,
 * one problem per line: the IDL problems ({@code file:line:col: message}) or the rejections of the
 * routes the change would break.
 */
public final class RouteRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<RouteRejection> rejections;

  /** Routes the change would break. */
  public RouteRejectedException(List<RouteRejection> rejections) {
    super(rejections.stream().map(RouteRejection::report).collect(Collectors.joining("\n")));
    this.rejections = List.copyOf(rejections);
  }

  /** A problem not tied to one route (an IDL that does not load, a backend still in use). */
  public RouteRejectedException(String report) {
    super(report);
    this.rejections = List.of();
  }

  /** Empty when the refusal is not about particular routes. */
  public List<RouteRejection> rejections() {
    return rejections;
  }
}
