package dev.polyglot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code polyglot demo --check}: the demo gateway answers one call per caller protocol. */
class DemoCommandTest {

  @Test
  void theDemoCheckAnswersOverEveryProtocolAndExitsZero() throws Exception {
    CommandRun run = CommandRun.of("demo", "--check",
        "--http-port", String.valueOf(CommandRun.freePort()),
        "--thrift-port", String.valueOf(CommandRun.freePort()),
        "--grpc-port", String.valueOf(CommandRun.freePort()),
        "--admin-port", String.valueOf(CommandRun.freePort()));
    assertEquals("""
        http -> grpc backend     ok    "héllo, wörld ✓"
        grpc -> thrift backend   ok    héllo, wörld ✓
        thrift -> grpc backend   ok    héllo, wörld ✓
        """, run.out(), run.err());
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void aPortOutOfRangeIsNamedByItsOptionAndExitsTwo() {
    CommandRun run = CommandRun.of("demo", "--check", "--grpc-port", "70000");
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertEquals("polyglot demo: --grpc-port: 70000 (expected: 1-65535)\n", run.err());
  }
}
