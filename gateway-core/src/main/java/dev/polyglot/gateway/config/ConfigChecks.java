package dev.polyglot.gateway.config;

import java.time.Duration;

/** Checks shared by the records' constructors, worded like the YAML loader's messages. */
final class ConfigChecks {
  private ConfigChecks() {}

  static void positive(String key, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + ": " + Durations.format(d) + " (expected: a positive duration like 30s, 250ms or 2m)");
    }
  }

  /** 0 is allowed in code (a free port, for tests and embedding); YAML asks for 1-65535. */
  static void port(String key, int port) {
    if (port < 0 || port > 65535) throw new IllegalArgumentException(key + ": " + port + " (expected: 0-65535)");
  }

  static void positiveSize(String key, long bytes) {
    if (bytes < 1) throw new IllegalArgumentException(key + ": " + bytes + " (expected: a size of at least 1 byte)");
  }
}
