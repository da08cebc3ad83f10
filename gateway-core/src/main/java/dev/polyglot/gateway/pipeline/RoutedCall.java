package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Cancellation;
import dev.polyglot.gateway.route.RouteMethod;
import java.util.Objects;

/**
 * A call and the route method it was resolved to — what filters see. Before the translation step the
 * call is in the caller's format, after it in the backend's.
 *
 * @param cancellation cancelled when the caller goes away; {@link Cancellation#NONE} when the caller
 *     cannot cancel. A filter that starts work of its own may listen to it; one whose work is shared
 *     by several callers (the cache's loads) must not pass it on to that work.
 */
public record RoutedCall(RouteMethod method, Call call, Cancellation cancellation) {
  public RoutedCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /** A call its caller cannot cancel. */
  public RoutedCall(RouteMethod method, Call call) {
    this(method, call, Cancellation.NONE);
  }

  /** The same route method and cancellation with another call (after translation). */
  public RoutedCall withCall(Call newCall) {
    return new RoutedCall(method, newCall, cancellation);
  }
}
