package dev.polyglot.gateway.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of {@code gateway.yaml} and of the {@code cache.ttl} IDL annotation: a whole
 * number and one unit, {@code ms}, {@code s}, {@code m} or {@code h} ({@code 250ms}, {@code 30s},
 * {@code 2m}, {@code 1h}).
 */
public final class Durations {
  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)");

  /** What a user should write, for error messages. */
  public static final String EXPECTED = "a positive duration like 30s, 250ms or 2m";

  private Durations() {}

  /**
   * Parses {@code text}; returns null when it is not a positive duration in the syntax above (the
   * caller names the place in its own message).
   */
  public static Duration parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) return null;
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
    return d.isZero() ? null : d;
  }

  /** The shortest exact spelling in the same syntax ({@code 90s} → {@code 90s}, 120000 ms → {@code 2m}). */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms != 0) return ms / 3_600_000 + "h";
    if (ms % 60_000 == 0 && ms != 0) return ms / 60_000 + "m";
    if (ms % 1000 == 0) return ms / 1000 + "s";
    return ms + "ms";
  }
}
