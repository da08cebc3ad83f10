package dev.polyglot.translate.event;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), for
 * binary inputs whose strings are byte ranges. Decoders such as {@code new String(bytes, UTF_8)}
 * silently replace bad sequences, which would turn hostile input into a wrong value.
 */
public final class Utf8 {
  private Utf8() {}

  /** The offset of the first byte of an invalid sequence, or -1 when the range is valid UTF-8. */
  public static int invalidAt(byte[] b, int offset, int length) {
    int i = offset;
    int end = offset + length;
    // ASCII fast path: most strings are all ASCII.
    while (i < end && b[i] >= 0) i++;
    while (i < end) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      int start = i;
      c &= 0xFF;
      if (c < 0xC2) return start; // continuation byte or overlong 2-byte lead
      if (c < 0xE0) {
        if (i + 1 >= end || !cont(b[i + 1])) return start;
        i += 2;
      } else if (c < 0xF0) {
        if (i + 2 >= end || !cont(b[i + 1]) || !cont(b[i + 2])) return start;
        int c1 = b[i + 1] & 0xFF;
        if (c == 0xE0 && c1 < 0xA0) return start; // overlong
        if (c == 0xED && c1 >= 0xA0) return start; // surrogate
        i += 3;
      } else if (c < 0xF5) {
        if (i + 3 >= end || !cont(b[i + 1]) || !cont(b[i + 2]) || !cont(b[i + 3])) return start;
        int c1 = b[i + 1] & 0xFF;
        if (c == 0xF0 && c1 < 0x90) return start; // overlong
        if (c == 0xF4 && c1 >= 0x90) return start; // past U+10FFFF
        i += 4;
      } else {
        return start;
      }
    }
    return -1;
  }

  private static boolean cont(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /**
   * Throws unless {@code s} is well-formed UTF-16 (no unpaired surrogate), i.e. encodable as UTF-8
   * without the silent replacement {@code String.getBytes} would make.
   */
  public static void checkWellFormed(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw TranscodeException.of("unpaired surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at index " + i + " (expected: valid Unicode text)");
        }
      }
    }
  }

  /** Throws the standard error when the range is not valid UTF-8. */
  public static void check(byte[] b, int offset, int length) {
    int bad = invalidAt(b, offset, length);
    if (bad >= 0) {
      throw TranscodeException.of(
          "invalid UTF-8 at byte " + (bad - offset) + " of a " + length + "-byte string (expected: valid UTF-8 text)");
    }
  }
}
