package dev.polyglot.adapters.http.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request path split at {@code /} and percent-decoded (UTF-8) once, shared by every template tried
 * against it. Splitting happens before decoding, so an encoded slash ({@code %2F}) stays inside its
 * segment. Not thread-safe (one per request).
 */
final class RequestPath {
  private final String[] raw;
  private final String[] decoded;

  private RequestPath(String[] raw, String[] decoded) {
    this.raw = raw;
    this.decoded = decoded;
  }

  /**
   * @param rawPath the path as sent, starting with {@code /}, without the query
   * @throws IllegalArgumentException for a malformed escape or bytes that are not UTF-8
   */
  static RequestPath parse(String rawPath) {
    String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    String[] raw = p.isEmpty() ? new String[0] : p.split("/", -1);
    String[] decoded = new String[raw.length];
    for (int i = 0; i < raw.length; i++) decoded[i] = decode(raw[i]);
    return new RequestPath(raw, decoded);
  }

  String[] raw() {
    return raw;
  }

  String[] decoded() {
    return decoded;
  }

  String rawLast() {
    return raw[raw.length - 1];
  }

  /** The last segment decoded after dropping {@code suffixLength} raw characters (a {@code :verb}). */
  String decodedLastWithoutVerb(int suffixLength) {
    String r = rawLast();
    return decode(r.substring(0, r.length() - suffixLength));
  }

  /**
   * Percent-decodes {@code s} as UTF-8 ({@code +} stays a plus: that is a query-string rule).
   *
   * @throws IllegalArgumentException quoting the bad text
   */
  static String decode(String s) {
    return decode(s, false, false);
  }

  /** Like {@link #decode} but leaves {@code %2F} as it is. */
  static String decodeKeepingSlashes(String s) {
    return decode(s, true, false);
  }

  /** A query-string name or value: {@code +} is a space. */
  static String decodeQuery(String s) {
    return decode(s, false, true);
  }

  private static String decode(String s, boolean keepSlashes, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) return s;
    ByteBuffer bytes = ByteBuffer.allocate(s.length() * 3);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("\"" + s + "\": malformed escape at character " + (i + 1) + " (expected: % followed by two hex digits)");
        }
        int b = hi * 16 + lo;
        if (keepSlashes && b == '/') {
          bytes.put(s.substring(i, i + 3).getBytes(StandardCharsets.US_ASCII));
        } else {
          bytes.put((byte) b);
        }
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.put((byte) ' ');
      } else if (c < 0x80) {
        bytes.put((byte) c);
      } else {
        int cp = s.codePointAt(i);
        bytes.put(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp) - 1;
      }
    }
    bytes.flip();
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("\"" + s + "\": the escaped bytes are not UTF-8 (expected: percent-encoded UTF-8)");
    }
  }
}
