package dev.polyglot.gateway.call;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-way signal that the caller of a call no longer wants its reply: an inbound listener creates one
 * per call and {@linkplain #cancel() cancels} it when the caller goes away (a gRPC cancel or expired
 * deadline, a closed HTTP connection); the pipeline links it to the backend call.
 *
 * <p>Thread-safe and lock-free. Each listener runs exactly once: on the thread that calls the first
 * {@link #cancel()}, or at once on the registering thread when the signal was already cancelled.
 * Listeners run on I/O threads, so they must not block; one that throws is logged and does not stop
 * the others.
 *
 * <p>Design note: the state is one reference, either the stack of listeners registered so far (null
 * when none) or the {@code CANCELLED} marker. {@link #cancel()} swaps in the marker and so takes the
 * listeners exactly once; a registration that loses its compare-and-set to it sees the marker on retry
 * and runs its listener itself. {@link #NONE} keeps no state at all.
 */
public final class Cancellation {
  private static final Logger log = LoggerFactory.getLogger(Cancellation.class);
  private static final Listeners CANCELLED = new Listeners(() -> {}, null);

  /**
   * The signal of a call nobody can cancel: never cancelled; {@link #cancel()} does nothing and
   * {@link #onCancel} keeps nothing, so calls without a caller-side signal pay nothing.
   */
  public static final Cancellation NONE = new Cancellation();

  private final AtomicReference<Listeners> state = new AtomicReference<>();

  private Cancellation() {}

  /** A new signal, not cancelled. */
  public static Cancellation create() {
    return new Cancellation();
  }

  /**
   * Cancels, running the listeners registered so far in registration order. Idempotent; does nothing
   * on {@link #NONE}.
   *
   * @return whether this call cancelled it (false when it was already cancelled, or for {@link #NONE})
   */
  public boolean cancel() {
    if (this == NONE) return false;
    Listeners registered = state.getAndSet(CANCELLED);
    if (registered == CANCELLED) return false;
    run(reverse(registered));
    return true;
  }

  public boolean isCancelled() {
    return state.get() == CANCELLED;
  }

  /**
   * Runs {@code listener} once when cancelled; at once, on this thread, when already cancelled. On
   * {@link #NONE} the listener is dropped: it would never run.
   */
  public void onCancel(Runnable listener) {
    Objects.requireNonNull(listener, "listener");
    if (this == NONE) return;
    for (;;) {
      Listeners current = state.get();
      if (current == CANCELLED) {
        run(new Listeners(listener, null));
        return;
      }
      if (state.compareAndSet(current, new Listeners(listener, current))) return;
    }
  }

  private static Listeners reverse(Listeners stack) {
    Listeners reversed = null;
    for (Listeners l = stack; l != null; l = l.next) reversed = new Listeners(l.listener, reversed);
    return reversed;
  }

  private static void run(Listeners listeners) {
    for (Listeners l = listeners; l != null; l = l.next) {
      try {
        l.listener.run();
      } catch (RuntimeException e) {
        log.warn("a cancellation listener failed", e);
      }
    }
  }

  @Override
  public String toString() {
    if (this == NONE) return "Cancellation[NONE]";
    return isCancelled() ? "Cancellation[cancelled]" : "Cancellation[active]";
  }

  /** An immutable stack of listeners, newest first. */
  private record Listeners(Runnable listener, Listeners next) {}
}
