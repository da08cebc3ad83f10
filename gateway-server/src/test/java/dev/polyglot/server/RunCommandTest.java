package dev.polyglot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code polyglot run --config}: configurations that cannot run are refused with the problem and exit 1. */
class RunCommandTest {
  @TempDir Path dir;

  @Test
  void aBadConfigurationExitsOneWithEveryProblemLocated() throws Exception {
    Path config = dir.resolve("gateway.yaml");
    Files.writeString(config, """
        listeners:
          http: { port: 70000 }
        routes:
          - service: interop.Interop
            backend: nowhere
        """, StandardCharsets.UTF_8);
    CommandRun run = CommandRun.of("run", "--config", config.toString());
    assertEquals(1, run.exit());
    assertEquals("", run.out());
    assertEquals("gateway.yaml:2:17: listeners.http.port: 70000 (expected: 1-65535)\n"
        + "gateway.yaml:5:14: routes[0].backend: nowhere (expected one of: no backends are defined)\n", run.err());
  }

  @Test
  void aMissingConfigurationFileExitsOne() {
    Path config = dir.resolve("absent.yaml");
    CommandRun run = CommandRun.of("run", "--config", config.toString());
    assertEquals(1, run.exit());
    assertEquals(config + ":1:1: cannot read the file (NoSuchFileException: " + config + ")\n", run.err());
  }

  @Test
  void aListenerPortAlreadyTakenExitsOneNamingTheCause() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path config = dir.resolve("gateway.yaml");
      Files.writeString(config, """
          listeners:
            http: { host: 127.0.0.1, port: %d }
          admin: { port: %d }
          """.formatted(taken.getLocalPort(), CommandRun.freePort()), StandardCharsets.UTF_8);
      CommandRun run = CommandRun.of("run", "--config", config.toString());
      assertEquals(1, run.exit());
      // stderr also carries the log lines of what started before the bind failed; the problem is one line of its own.
      String expected = "polyglot: cannot start the gateway: cannot listen on 127.0.0.1:" + taken.getLocalPort()
          + ": Address already in use";
      assertEquals(java.util.List.of(expected),
          run.err().lines().filter(l -> l.startsWith("polyglot:")).toList(), run.err());
    }
  }
}
