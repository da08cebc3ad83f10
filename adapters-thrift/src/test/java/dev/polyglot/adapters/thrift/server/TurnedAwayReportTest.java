package dev.polyglot.adapters.thrift.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The WARN line about connections turned away at {@code max_connections}: its words and its rate, on a clock the test drives. */
class TurnedAwayReportTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void theFirstConnectionTurnedAwayIsReportedAtOnceAndTheNextOnesOnceTenSecondsHavePassed() {
    TurnedAwayReport report = new TurnedAwayReport("thrift listener on /127.0.0.1:9090", 2);
    long t0 = 123 * SECOND;

    assertEquals("thrift listener on /127.0.0.1:9090: 1 connection turned away at max_connections of 2 (closed unread)", report.turnedAway(t0));
    assertNull(report.turnedAway(t0 + 1));
    assertNull(report.turnedAway(t0 + 5 * SECOND));
    assertNull(report.due(t0 + 10 * SECOND - 1));
    assertNull(report.turnedAway(t0 + 10 * SECOND - 1));
    assertEquals("thrift listener on /127.0.0.1:9090: 4 connections turned away at max_connections of 2 (closed unread)",
        report.turnedAway(t0 + 10 * SECOND));
    assertEquals(5, report.total());
  }

  @Test
  void connectionsLeftUnreportedAreReportedWithTheNextAcceptedConnectionAfterTheInterval() {
    TurnedAwayReport report = new TurnedAwayReport("thrift listener on /127.0.0.1:9090", 1024);

    assertNull(report.due(0));
    assertEquals("thrift listener on /127.0.0.1:9090: 1 connection turned away at max_connections of 1024 (closed unread)", report.turnedAway(0));
    assertNull(report.turnedAway(SECOND));
    assertNull(report.turnedAway(2 * SECOND));
    assertNull(report.due(9 * SECOND));
    assertEquals("thrift listener on /127.0.0.1:9090: 2 connections turned away at max_connections of 1024 (closed unread)", report.due(11 * SECOND));
    assertNull(report.due(30 * SECOND));
    assertEquals(3, report.total());
  }
}
