package dev.polyglot.gateway.call;

import java.util.function.Supplier;

/**
 * A thread that serves one caller connection with blocking I/O and, for a two-way call, waits for the
 * reply before it reads the caller's next message (the Thrift listener's connection threads).
 *
 * <p>Design note: a backend client whose exchange blocks on a socket anyway (the Thrift backend
 * client) would otherwise hand every call to a thread of its own, and the caller's thread would sleep
 * until that thread completes the reply: two thread wake-ups per call, each of which waits for a free
 * core under load. While {@link #waitsForReply()} holds, such a client may run the exchange right on
 * the caller's thread instead. Only the dispatching code of a listener turns waiting on, and only
 * around a call whose reply it will wait for; code that must not block while holding a lock (the
 * response cache's loader) turns it off with {@link #withoutWaiting}.
 */
public final class CallerThread extends Thread {
  private boolean waiting;

  public CallerThread(Runnable task, String name) {
    super(task, name);
  }

  /** Whether the current thread is a caller thread that waits for the reply of the call it is making. */
  public static boolean waitsForReply() {
    return Thread.currentThread() instanceof CallerThread t && t.waiting;
  }

  /**
   * Marks this thread as waiting (or not) for the replies of the calls it dispatches from now on.
   *
   * @throws IllegalStateException when called from another thread
   */
  public void setWaitsForReply(boolean waits) {
    if (Thread.currentThread() != this) throw new IllegalStateException("only " + getName() + " may mark itself as waiting");
    this.waiting = waits;
  }

  /** Runs {@code work} with waiting turned off on the current thread (if it is a caller thread), then restores it. */
  public static <T> T withoutWaiting(Supplier<T> work) {
    if (!(Thread.currentThread() instanceof CallerThread t) || !t.waiting) return work.get();
    t.waiting = false;
    try {
      return work.get();
    } finally {
      t.waiting = true;
    }
  }
}
