package dev.polyglot.translate.binding;

import dev.polyglot.translate.event.TranscodeException;
import java.util.UUID;

/** The canonical UUID text form, {@code 8-4-4-4-12} hex digits, strictly (DESIGN.md: uuid ↔ string). */
final class Uuids {
  private Uuids() {}

  /** Parses the canonical form (either letter case); anything else is rejected, quoting the text. */
  static UUID parse(String text) {
    if (text.length() != 36) throw bad(text);
    long msb = 0;
    long lsb = 0;
    int digits = 0;
    for (int i = 0; i < 36; i++) {
      char ch = text.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (ch != '-') throw bad(text);
        continue;
      }
      int v = Character.digit(ch, 16);
      if (v < 0 || ch > 'f') throw bad(text);
      if (digits < 16) msb = (msb << 4) | v;
      else lsb = (lsb << 4) | v;
      digits++;
    }
    return new UUID(msb, lsb);
  }

  private static TranscodeException bad(String text) {
    String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    return TranscodeException.of(TranscodeException.quote(shown) + " is not a UUID (expected: the canonical form, like 123e4567-e89b-12d3-a456-426614174000)");
  }
}
