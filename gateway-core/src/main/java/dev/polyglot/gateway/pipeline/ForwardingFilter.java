package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.call.Cancellation;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.Durations;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.translate.status.StatusCode;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last step: sends the backend-format request with the effective deadline (the caller's or the
 * route's timeout, whichever ends first) and answers {@code DEADLINE_EXCEEDED} if the backend has not
 * replied by then.
 *
 * <p>Design note, timers: a backend client that enforces the deadline itself
 * ({@link dev.polyglot.gateway.call.Backend#enforcesDeadline()}: gRPC deadlines, socket timeouts)
 * gets no second timer here; scheduling and cancelling one per call on the JDK's shared delayer cost a
 * lock and a queue entry on every call. Its {@code DEADLINE_EXCEEDED} after the deadline passed is
 * reworded to the same message the timer gives, so callers see one message whatever the backend. For
 * other clients the timer answers; its reply and message are built only when it fires.
 *
 * <p>Design note, cancellation: when the caller's {@link Cancellation} is cancelled, the backend
 * client's future is cancelled ({@code cancel(false)}); a client that can stop its call (gRPC cancels
 * the {@code ClientCall}) listens for that, others simply never see their reply used. Nothing is
 * registered for {@link Cancellation#NONE}, for a oneway call (done once written), or for a cached
 * method: its backend call is the cache's load, shared by every caller waiting for the same entry, so
 * one caller leaving must not cancel it for the others.
 */
final class ForwardingFilter implements CallFilter {

  @Override
  public CompletableFuture<Reply> filter(RoutedCall rc, Chain unused) {
    RouteMethod m = rc.method();
    Deadline routeDeadline = Deadline.afterNanos(m.route().timeoutNanos());
    Deadline deadline = rc.call().deadline().earlierOf(routeDeadline);
    long remaining = deadline.remainingNanos();
    if (remaining <= 0) return CompletableFuture.completedFuture(Reply.error(StatusCode.DEADLINE_EXCEEDED, "deadline exceeded before the call was sent"));
    Cancellation cancellation = rc.cancellation();
    boolean cancellable = cancellation != Cancellation.NONE && !m.isCached() && !m.isOneway();
    // Gone already (while the request was being translated): nothing is sent. The pipeline answers.
    if (cancellable && cancellation.isCancelled()) return CompletableFuture.failedFuture(new CancellationException("the caller cancelled the call"));
    CompletableFuture<Reply> reply = m.backend().call(rc.call().request(), deadline, rc.call().metadata());
    if (m.isOneway()) return reply;
    if (cancellable && !reply.isDone()) cancellation.onCancel(() -> reply.cancel(false));
    boolean routeTimeout = deadline == routeDeadline;
    if (m.route().backend().enforcesDeadline()) {
      if (reply.isDone()) {
        Reply r = reply.getNow(null);
        return r != null && expiredHere(r, deadline) ? CompletableFuture.completedFuture(timeoutReply(m, routeTimeout)) : reply;
      }
      return reply.thenApply(r -> expiredHere(r, deadline) ? timeoutReply(m, routeTimeout) : r);
    }
    // A copy, so that the timeout completes our future and never the backend client's own. orTimeout
    // stores its TimeoutException as is, while a failure of the backend's future reaches the copy
    // wrapped in a CompletionException: only the bare TimeoutException is our timer.
    return reply.copy().orTimeout(remaining, TimeUnit.NANOSECONDS).exceptionally(t -> {
      if (t instanceof TimeoutException) return timeoutReply(m, routeTimeout);
      throw t instanceof CompletionException ce ? ce : new CompletionException(t);
    });
  }

  private static boolean expiredHere(Reply r, Deadline deadline) {
    return !r.isOk() && r.status().code() == StatusCode.DEADLINE_EXCEEDED && deadline.isExpired();
  }

  private static Reply timeoutReply(RouteMethod m, boolean routeTimeout) {
    String why = routeTimeout
        ? "within " + Durations.format(Duration.ofNanos(m.route().timeoutNanos()))
        : "before the caller's deadline";
    return Reply.error(StatusCode.DEADLINE_EXCEEDED, "no reply from backend " + m.route().backendConfig().name() + " " + why);
  }
}
