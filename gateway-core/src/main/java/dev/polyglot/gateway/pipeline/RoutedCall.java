package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.route.RouteMethod;
import java.util.Objects;

/**
 * A call and the route method it was resolved to — what filters see. Before the translation step the
 * call is in the caller's format, after it in the backend's.
 */
public record RoutedCall(RouteMethod method, Call call) {
  public RoutedCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(call, "call");
  }

  public RoutedCall withCall(Call newCall) {
    return new RoutedCall(method, newCall);
  }
}
