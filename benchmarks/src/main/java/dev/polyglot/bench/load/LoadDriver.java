package dev.polyglot.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Drives a {@link LoadTarget} with one platform thread per call in flight, in one of two modes.
 *
 * <p>Design notes.
 * <ul>
 *   <li><b>Closed loop</b> ({@link #closedLoop}): each of N threads calls again as soon as its reply is
 *       read, so N calls are always in flight; the result is the maximum throughput at that
 *       concurrency. Latency here is service time under saturation, not what a user sees.
 *   <li><b>Open loop</b> ({@link #openLoop}): calls are scheduled at a fixed rate R; call j is
 *       <em>intended</em> to start at {@code t0 + j/R}, and thread {@code j mod N} owns it. Latency is
 *       measured from the intended start, not the actual one, so a stall that delays later calls is
 *       charged to them (the correction for coordinated omission). N must exceed R × latency, or the
 *       threads themselves become the bottleneck; the run reports the achieved rate so that shows.
 *   <li>Both modes discard a warm-up period, then count only calls that start and finish inside the
 *       measurement window. Histograms are per thread (no contention) and merged at the end.
 * </ul>
 * Any failed call (warm-up included) is counted and the first failure kept: a run with failures is
 * reported as such.
 */
final class LoadDriver {
  /** Latencies above this (ns) are clamped: beyond it the run is broken anyway. */
  private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

  private LoadDriver() {}

  /**
   * What one run measured. Latencies in nanoseconds.
   *
   * @param calls successful calls counted in the window
   */
  record Result(long calls, long errors, long elapsedNanos, Histogram latency, String firstError) {
    double callsPerSecond() {
      return calls * 1e9 / elapsedNanos;
    }

    long p50() {
      return latency.getValueAtPercentile(50);
    }

    long p99() {
      return latency.getValueAtPercentile(99);
    }
  }

  /**
   * Told, on the driver's own thread, when the measured window starts and ends (to within a
   * millisecond or so), so that costs read outside the load generator cover the window only.
   */
  interface WindowProbe {
    void windowStarts() throws Exception;

    void windowEnds() throws Exception;
  }

  /** Runs {@code inFlight} closed loops for warm-up then window. */
  static Result closedLoop(LoadTarget target, int inFlight, long warmupNanos, long windowNanos) throws Exception {
    return run(target, inFlight, warmupNanos, windowNanos, 0, null);
  }

  /** As {@link #closedLoop(LoadTarget, int, long, long)}, calling {@code probe} at the window's edges. */
  static Result closedLoop(LoadTarget target, int inFlight, long warmupNanos, long windowNanos, WindowProbe probe)
      throws Exception {
    return run(target, inFlight, warmupNanos, windowNanos, 0, probe);
  }

  /** Runs at {@code callsPerSecond} with up to {@code threads} calls in flight. */
  static Result openLoop(LoadTarget target, double callsPerSecond, int threads, long warmupNanos, long windowNanos)
      throws Exception {
    if (!(callsPerSecond > 0)) throw new IllegalArgumentException("rate: " + callsPerSecond + " (expected: > 0)");
    return run(target, threads, warmupNanos, windowNanos, (long) (1e9 / callsPerSecond), null);
  }

  /** @param intervalNanos 0 for a closed loop, else the open loop's interval between intended starts */
  private static Result run(LoadTarget target, int threads, long warmupNanos, long windowNanos, long intervalNanos,
      WindowProbe probe) throws Exception {
    List<LoadTarget.Slot> slots = new ArrayList<>(threads);
    try {
      for (int i = 0; i < threads; i++) slots.add(target.openSlot());
      slots.get(0).verifiedCall();
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      AtomicReference<Throwable> firstError = new AtomicReference<>();
      Worker[] workers = new Worker[threads];
      long[] t0 = new long[1];
      for (int i = 0; i < threads; i++) {
        workers[i] = new Worker(slots.get(i), i, threads, intervalNanos, ready, go, t0, warmupNanos, windowNanos, firstError);
        workers[i].thread.start();
      }
      ready.await();
      t0[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
      go.countDown();
      if (probe != null) {
        sleepUntil(t0[0] + warmupNanos);
        probe.windowStarts();
        sleepUntil(t0[0] + warmupNanos + windowNanos);
        probe.windowEnds();
      }
      Histogram all = new Histogram(MAX_LATENCY_NANOS, 2);
      long calls = 0;
      long errors = 0;
      long lastEnd = 0;
      for (Worker w : workers) {
        w.thread.join();
        all.add(w.histogram);
        calls += w.calls;
        errors += w.errors;
        lastEnd = Math.max(lastEnd, w.lastEnd);
      }
      // An open loop that falls behind finishes its window's calls late: its achieved rate is
      // the calls over the time they really took, which shows the saturation.
      long elapsed = intervalNanos == 0 || lastEnd == 0 ? windowNanos : Math.max(windowNanos, lastEnd - (t0[0] + warmupNanos));
      Throwable e = firstError.get();
      return new Result(calls, errors, elapsed, all, e == null ? null : e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      for (LoadTarget.Slot s : slots) s.close();
    }
  }

  private static void sleepUntil(long deadline) throws InterruptedException {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(left);
  }

  private static final class Worker implements Runnable {
    final Thread thread;
    final Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 2);
    private final LoadTarget.Slot slot;
    private final int index;
    private final int stride;
    private final long intervalNanos;
    private final CountDownLatch ready;
    private final CountDownLatch go;
    private final long[] t0;
    private final long warmupNanos;
    private final long windowNanos;
    private final AtomicReference<Throwable> firstError;
    long calls;
    long errors;
    long lastEnd;

    Worker(LoadTarget.Slot slot, int index, int stride, long intervalNanos, CountDownLatch ready, CountDownLatch go,
        long[] t0, long warmupNanos, long windowNanos, AtomicReference<Throwable> firstError) {
      this.slot = slot;
      this.index = index;
      this.stride = stride;
      this.intervalNanos = intervalNanos;
      this.ready = ready;
      this.go = go;
      this.t0 = t0;
      this.warmupNanos = warmupNanos;
      this.windowNanos = windowNanos;
      this.firstError = firstError;
      this.thread = new Thread(this, "load-slot-" + index);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      ready.countDown();
      try {
        go.await();
      } catch (InterruptedException e) {
        return;
      }
      // t0 is written before go.countDown(), so it is visible here.
      long start = t0[0];
      long windowStart = start + warmupNanos;
      long windowEnd = windowStart + windowNanos;
      // An open loop far behind its schedule gives up rather than run for minutes.
      long giveUp = windowEnd + 2 * windowNanos;
      long j = index;
      while (true) {
        long intended;
        if (intervalNanos == 0) {
          intended = System.nanoTime();
          if (intended >= windowEnd) break;
        } else {
          intended = start + j * intervalNanos;
          j += stride;
          if (intended >= windowEnd || System.nanoTime() > giveUp) break;
          waitUntil(intended);
        }
        boolean ok = true;
        try {
          slot.call();
        } catch (Throwable e) {
          ok = false;
          firstError.compareAndSet(null, e);
        }
        long end = System.nanoTime();
        if (!ok) {
          if (++errors > 1000) break;
          continue;
        }
        // Closed loop: throughput counts replies completed inside the window. Open loop: calls
        // intended inside it (a late reply still counts, with its full latency).
        boolean counted = intervalNanos == 0 ? end >= windowStart && end <= windowEnd : intended >= windowStart;
        if (counted) {
          calls++;
          lastEnd = end;
          histogram.recordValue(Math.min(end - intended, MAX_LATENCY_NANOS));
        }
      }
    }

    private static void waitUntil(long deadline) {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return;
        // parkNanos overshoots by tens of µs; that delay is charged to the call, as it should be.
        LockSupport.parkNanos(left);
      }
    }
  }
}
