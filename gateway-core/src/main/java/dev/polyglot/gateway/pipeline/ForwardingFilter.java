package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.Durations;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.translate.status.StatusCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last step: sends the backend-format request with the effective deadline (the caller's or the
 * route's timeout, whichever ends first) and answers {@code DEADLINE_EXCEEDED} if the backend has not
 * replied by then, whether or not the backend client enforces it too.
 *
 * <p>The timeout reply and its message are built only when the timeout fires, not on every call.
 */
final class ForwardingFilter implements CallFilter {

  @Override
  public CompletableFuture<Reply> filter(RoutedCall rc, Chain unused) {
    RouteMethod m = rc.method();
    Deadline routeDeadline = Deadline.afterNanos(m.route().timeoutNanos());
    Deadline deadline = rc.call().deadline().earlierOf(routeDeadline);
    long remaining = deadline.remainingNanos();
    if (remaining <= 0) return CompletableFuture.completedFuture(Reply.error(StatusCode.DEADLINE_EXCEEDED, "deadline exceeded before the call was sent"));
    CompletableFuture<Reply> reply = m.backend().call(rc.call().request(), deadline, rc.call().metadata());
    if (m.isOneway()) return reply;
    boolean routeTimeout = deadline == routeDeadline;
    // A copy, so that the timeout completes our future and never the backend client's own. orTimeout
    // stores its TimeoutException as is, while a failure of the backend's future reaches the copy
    // wrapped in a CompletionException: only the bare TimeoutException is our timer.
    return reply.copy().orTimeout(remaining, TimeUnit.NANOSECONDS).exceptionally(t -> {
      if (t instanceof TimeoutException) return timeoutReply(m, routeTimeout);
      throw t instanceof CompletionException ce ? ce : new CompletionException(t);
    });
  }

  private static Reply timeoutReply(RouteMethod m, boolean routeTimeout) {
    String why = routeTimeout
        ? "within " + Durations.format(Duration.ofNanos(m.route().timeoutNanos()))
        : "before the caller's deadline";
    return Reply.error(StatusCode.DEADLINE_EXCEEDED, "no reply from backend " + m.route().backendConfig().name() + " " + why);
  }
}
