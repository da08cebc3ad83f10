package dev.polyglot.gateway.call;

import java.time.Duration;

/**
 * The instant by which a call must complete, on the {@link System#nanoTime()} clock, or
 * {@link #NONE}. Immutable. Compare with {@link #earlierOf} rather than arithmetic: "none" is
 * {@code Long.MAX_VALUE} and must never overflow.
 */
public final class Deadline {
  public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

  private final long nanoTime;

  private Deadline(long nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** A deadline {@code timeout} from now; a non-positive timeout is already expired. */
  public static Deadline after(Duration timeout) {
    return afterNanos(timeout.toNanos());
  }

  public static Deadline afterNanos(long nanos) {
    long now = System.nanoTime();
    // Saturate: a timeout of years is "none" rather than an overflow into the past.
    return nanos >= Long.MAX_VALUE - now ? NONE : new Deadline(now + nanos);
  }

  public boolean isNone() {
    return nanoTime == Long.MAX_VALUE;
  }

  /** Nanoseconds left, 0 or less when expired, {@code Long.MAX_VALUE} for {@link #NONE}. */
  public long remainingNanos() {
    return isNone() ? Long.MAX_VALUE : nanoTime - System.nanoTime();
  }

  public boolean isExpired() {
    return !isNone() && remainingNanos() <= 0;
  }

  public Deadline earlierOf(Deadline other) {
    return other.nanoTime - nanoTime < 0 ? other : this;
  }

  @Override
  public String toString() {
    return isNone() ? "Deadline[none]" : "Deadline[" + Duration.ofNanos(remainingNanos()) + " left]";
  }
}
