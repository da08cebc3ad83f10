package dev.polyglot.translate.json;

import dev.polyglot.translate.event.TranscodeException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The text forms of google.protobuf.Timestamp, Duration and FieldMask, as the proto3 JSON mapping
 * defines them (and protobuf-java-util's JsonFormat writes them): fractional seconds with 0, 3, 6
 * or 9 digits; timestamps in UTC with a "Z"; offsets accepted on input.
 */
final class WellKnownText {
  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range the proto comments allow. */
  static final long TIMESTAMP_MIN_SECONDS = -62_135_596_800L;
  static final long TIMESTAMP_MAX_SECONDS = 253_402_300_799L;
  /** ±10,000 years, as google/protobuf/duration.proto allows. */
  static final long DURATION_MAX_SECONDS = 315_576_000_000L;

  private WellKnownText() {}

  static String timestamp(long seconds, long nanos) {
    if (seconds < TIMESTAMP_MIN_SECONDS || seconds > TIMESTAMP_MAX_SECONDS || nanos < 0 || nanos > 999_999_999) {
      throw TranscodeException.of("timestamp " + seconds + "s " + nanos + "ns is out of range "
          + "(expected: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z)");
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(30).append(DateTimeFormatter.ISO_LOCAL_DATE.format(t)).append('T');
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    two(sb, t.getSecond());
    fraction(sb, (int) nanos);
    return sb.append('Z').toString();
  }

  /** Seconds and nanos of an RFC 3339 timestamp; throws with the expected form. */
  static long[] parseTimestamp(String text) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      if (text.indexOf('T') != 10 || text.length() < 20) throw new DateTimeException("shape");
      long seconds = t.toEpochSecond();
      if (seconds < TIMESTAMP_MIN_SECONDS || seconds > TIMESTAMP_MAX_SECONDS) throw new DateTimeException("range");
      return new long[] {seconds, t.getNano()};
    } catch (DateTimeParseException e) {
      throw TranscodeException.of("expected an RFC 3339 timestamp such as \"1972-01-01T10:00:20.021Z\", got " + quote(text));
    } catch (DateTimeException e) {
      throw TranscodeException.of("timestamp " + quote(text) + " is out of range (expected: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z)");
    }
  }

  static String duration(long seconds, long nanos) {
    if (seconds < -DURATION_MAX_SECONDS || seconds > DURATION_MAX_SECONDS || nanos <= -1_000_000_000 || nanos >= 1_000_000_000
        || (seconds > 0 && nanos < 0) || (seconds < 0 && nanos > 0)) {
      throw TranscodeException.of("duration " + seconds + "s " + nanos + "ns is out of range "
          + "(expected: -315576000000s to 315576000000s, nanos with the sign of seconds)");
    }
    StringBuilder sb = new StringBuilder(24);
    if (seconds < 0 || nanos < 0) sb.append('-');
    sb.append(Math.abs(seconds));
    fraction(sb, (int) Math.abs(nanos));
    return sb.append('s').toString();
  }

  static long[] parseDuration(String text) {
    int n = text.length();
    int i = 0;
    boolean negative = n > 0 && text.charAt(0) == '-';
    if (negative) i++;
    int intStart = i;
    while (i < n && isDigit(text.charAt(i))) i++;
    int intEnd = i;
    int fracStart = -1;
    int fracEnd = -1;
    if (i < n && text.charAt(i) == '.') {
      fracStart = ++i;
      while (i < n && isDigit(text.charAt(i))) i++;
      fracEnd = i;
    }
    if (intEnd == intStart || i != n - 1 || text.charAt(i) != 's' || intEnd - intStart > 12
        || (fracStart >= 0 && (fracEnd == fracStart || fracEnd - fracStart > 9))) {
      throw TranscodeException.of("expected a duration such as \"1.5s\", got " + quote(text));
    }
    long seconds = Long.parseLong(text, intStart, intEnd, 10);
    long nanos = 0;
    if (fracStart >= 0) {
      nanos = Long.parseLong(text, fracStart, fracEnd, 10);
      for (int k = fracEnd - fracStart; k < 9; k++) nanos *= 10;
    }
    if (seconds > DURATION_MAX_SECONDS) {
      throw TranscodeException.of("duration " + quote(text) + " is out of range (expected: -315576000000s to 315576000000s)");
    }
    return negative ? new long[] {-seconds, -nanos} : new long[] {seconds, nanos};
  }

  /** {@code foo_bar.baz} → {@code fooBar.baz}, as FieldMask paths are written. */
  static String lowerCamel(String path) {
    StringBuilder sb = new StringBuilder(path.length());
    boolean upper = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  /** {@code fooBar.baz} → {@code foo_bar.baz}; rejects an input that already has underscores. */
  static String snake(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 4);
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '_') throw TranscodeException.of("field mask path " + quote(path) + " is not lowerCamelCase (expected: e.g. \"fooBar.baz\")");
      if (c >= 'A' && c <= 'Z') sb.append('_').append((char) (c + ('a' - 'A')));
      else sb.append(c);
    }
    return sb.toString();
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    if (v < 10) sb.append('0');
    return sb.append(v);
  }

  /** Appends ".fff", ".ffffff" or ".fffffffff", the fewest groups of three that hold {@code nanos}. */
  private static void fraction(StringBuilder sb, int nanos) {
    if (nanos == 0) return;
    String digits;
    if (nanos % 1_000_000 == 0) digits = pad(nanos / 1_000_000, 3);
    else if (nanos % 1_000 == 0) digits = pad(nanos / 1_000, 6);
    else digits = pad(nanos, 9);
    sb.append('.').append(digits);
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return "0".repeat(width - s.length()) + s;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static String quote(String s) {
    return dev.polyglot.translate.event.TranscodeException.quote(s.length() > 64 ? s.substring(0, 64) + "…" : s);
  }
}
