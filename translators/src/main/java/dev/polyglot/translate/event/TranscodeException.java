package dev.polyglot.translate.event;

import dev.polyglot.translate.status.StatusCode;

/**
 * A value could not be read or written: malformed or hostile input, or a value the target type
 * cannot hold. The message reads {@code items[3].sku: <what was wrong> (expected: <what>)}; it is
 * safe to return to the caller (it quotes only the caller's own data and schema names) and maps to
 * {@link StatusCode#INVALID_ARGUMENT}.
 *
 * <p>The exception is created where the problem is found, usually without knowing where in the
 * value that is; readers prepend path segments ({@link #atField}, {@link #atIndex},
 * {@link #atKey}) as it unwinds through them, so the hot path keeps no path state.
 */
public final class TranscodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final StringBuilder path = new StringBuilder();

  public TranscodeException(String problem) {
    super(problem, null, false, false);
    this.problem = problem;
  }

  /** {@code problem} is a sentence like {@code 300 is out of range (expected: an i8 ...)}. */
  public static TranscodeException of(String problem) {
    return new TranscodeException(problem);
  }

  /** Prepends a field name: {@code sku} + {@code [3]} becomes {@code sku[3]}, or {@code item.sku}. */
  public TranscodeException atField(String name) {
    if (path.length() > 0 && path.charAt(0) != '[' && path.charAt(0) != '{') path.insert(0, '.');
    path.insert(0, name);
    return this;
  }

  /** Prepends a list or set position: {@code [3]}. */
  public TranscodeException atIndex(int index) {
    if (path.length() > 0 && path.charAt(0) != '[' && path.charAt(0) != '{') path.insert(0, '.');
    path.insert(0, ']').insert(0, index).insert(0, '[');
    return this;
  }

  /**
   * Prepends a map key, given as its JSON text: {@code {"k"}} for a string key, {@code {5}} for a
   * number.
   */
  public TranscodeException atKey(String keyJson) {
    if (path.length() > 0 && path.charAt(0) != '[' && path.charAt(0) != '{') path.insert(0, '.');
    path.insert(0, '}').insert(0, keyJson).insert(0, '{');
    return this;
  }

  /** The field path from the root value, e.g. {@code item.dims.width_cm}; empty for the root. */
  public String path() {
    return path.toString();
  }

  /** What was wrong and what was expected, without the path. */
  public String problem() {
    return problem;
  }

  public StatusCode code() {
    return StatusCode.INVALID_ARGUMENT;
  }

  @Override
  public String getMessage() {
    return path.length() == 0 ? problem : path + ": " + problem;
  }

  /** Quotes a string map key as JSON text for {@link #atKey}. */
  public static String quote(String key) {
    StringBuilder sb = new StringBuilder(key.length() + 2).append('"');
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.append('"').toString();
  }
}
