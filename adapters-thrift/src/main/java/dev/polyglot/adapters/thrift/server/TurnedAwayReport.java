package dev.polyglot.adapters.thrift.server;

import java.util.concurrent.TimeUnit;

/**
 * Counts connections turned away at {@code max_connections} and words the WARN line about them, at
 * most once per {@link #INTERVAL_NANOS}: a flood of connections must not become a flood of log lines.
 *
 * <p>The first turned-away connection is reported at once; those that follow within the interval are
 * counted and reported, all together, with the first event (another turned-away connection or an
 * accepted one) after the interval has passed.
 *
 * <p>Not thread-safe: only the listener's accept thread uses it.
 */
final class TurnedAwayReport {
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final String listener;
  private final int maxConnections;
  /** Written by the accept thread only; read by anyone. */
  private volatile long total;
  private long unreported;
  private long lastReportNanos;
  private boolean reportedOnce;

  TurnedAwayReport(String listener, int maxConnections) {
    this.listener = listener;
    this.maxConnections = maxConnections;
  }

  /** One more connection turned away; returns the line to log now, or null. */
  String turnedAway(long nowNanos) {
    total++;
    unreported++;
    return due(nowNanos);
  }

  /** Returns the line to log now for connections turned away earlier and not yet reported, or null. */
  String due(long nowNanos) {
    if (unreported == 0 || (reportedOnce && nowNanos - lastReportNanos < INTERVAL_NANOS)) return null;
    String line = listener + ": " + unreported + (unreported == 1 ? " connection" : " connections")
        + " turned away at max_connections of " + maxConnections + " (closed unread)";
    unreported = 0;
    lastReportNanos = nowNanos;
    reportedOnce = true;
    return line;
  }

  /** Connections turned away since the listener started. */
  long total() {
    return total;
  }
}
