package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.cache.ResponseCache;
import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.gateway.route.Router;
import dev.polyglot.translate.status.StatusCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The filter chain, built once: the given filters, then translation, cache and forwarding. Counts calls
 * in flight so that a graceful stop can wait for them, and refuses new calls once draining. Thread-safe.
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
  public CompletableFuture<Reply> dispatch(RouteMethod method, Call call) {
    if (draining) return CompletableFuture.completedFuture(Reply.error(StatusCode.UNAVAILABLE, "the gateway is shutting down"));
    inFlight.incrementAndGet();
    CompletableFuture<Reply> reply;
    try {
      reply = head.proceed(new RoutedCall(method, call));
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply.handle((r, t) -> {
      if (inFlight.decrementAndGet() == 0 && draining) {
        synchronized (idle) {
          idle.notifyAll();
        }
      }
      return t == null ? r : Replies.fromThrowable(t, method);
    });
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
