package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.cache.ResponseCache;
import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Cancellation;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.gateway.route.Router;
import dev.polyglot.translate.status.StatusCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The filter chain, built once: the given filters, then translation, cache and forwarding. Counts calls
 * in flight so that a graceful stop can wait for them, and refuses new calls once draining. Thread-safe.
 *
 * <p>Cancellation: the forwarding step cancels the backend client's future when the caller's
 * {@link Cancellation} is cancelled; that surfaces here as a {@link CancellationException} and becomes
 * the {@code CANCELLED} reply, so a cancelled call still completes and leaves {@link #inFlight()}.
 */
public final class CallPipeline implements CallDispatcher {
  private final Router router;
  private final CallFilter.Chain head;
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Notified when the last call in flight completes while draining. */
  private final Object idle = new Object();
  private volatile boolean draining;

  /**
   * @param filters run first, in order, on the caller's format
   * @param cache the response cache the cache step uses
   */
  public CallPipeline(Router router, List<CallFilter> filters, ResponseCache cache) {
    this.router = router;
    List<CallFilter> all = new ArrayList<>(filters);
    all.add(new TranslationFilter());
    all.add(new CacheFilter(cache));
    all.add(new ForwardingFilter());
    CallFilter.Chain next = rc -> {
      throw new IllegalStateException("the forwarding filter is the last step and never proceeds");
    };
    // Built back to front so that each link is created once, not per call.
    for (int i = all.size() - 1; i >= 0; i--) {
      CallFilter f = all.get(i);
      CallFilter.Chain rest = next;
      next = rc -> f.filter(rc, rest);
    }
    this.head = next;
  }

  @Override
  public Router router() {
    return router;
  }

  @Override
  public CompletableFuture<Reply> dispatch(RouteMethod method, Call call, Cancellation cancellation) {
    if (draining) return CompletableFuture.completedFuture(Reply.error(StatusCode.UNAVAILABLE, "the gateway is shutting down"));
    inFlight.incrementAndGet();
    CompletableFuture<Reply> reply;
    try {
      reply = head.proceed(new RoutedCall(method, call, cancellation));
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply.handle((r, t) -> {
      if (inFlight.decrementAndGet() == 0 && draining) {
        synchronized (idle) {
          idle.notifyAll();
        }
      }
      if (t == null) return r;
      return isCancellation(t) && cancellation.isCancelled() ? cancelledReply() : Replies.fromThrowable(t, method);
    });
  }

  private static boolean isCancellation(Throwable t) {
    Throwable cause = t;
    while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
    return cause instanceof CancellationException;
  }

  /** Built only for a cancelled call: nobody may be listening, but a listener that still is gets this. */
  private static Reply cancelledReply() {
    return Reply.error(StatusCode.CANCELLED, "the caller cancelled the call");
  }

  /** Calls dispatched and not yet answered. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Refuses new calls from now on ({@code UNAVAILABLE}) and waits until the calls in flight are
   * answered or {@code grace} has passed.
   *
   * @return whether every call in flight was answered in time
   */
  public boolean drain(Duration grace) throws InterruptedException {
    draining = true;
    long end = System.nanoTime() + grace.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) return false;
        // Bounded wait: a call may finish between the check and the wait.
        idle.wait(Math.max(1, Math.min(10, left / 1_000_000)));
      }
      return true;
    }
  }
}
