package dev.polyglot.idl;

/** One thing wrong with an IDL, as the user will read it: {@code file:line:col: message}. */
public record Problem(SourceLocation location, String message) implements Comparable<Problem> {
  public static Problem of(SourceLocation location, String message) {
    return new Problem(location, message);
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }

  @Override
  public int compareTo(Problem o) {
    int c = location.file().compareTo(o.location.file());
    if (c != 0) return c;
    c = Integer.compare(location.line(), o.location.line());
    if (c != 0) return c;
    return Integer.compare(location.column(), o.location.column());
  }
}
