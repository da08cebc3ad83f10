package dev.polyglot.idl;

/**
 * A position in an IDL file, 1-based. {@code file} is the path as the user gave it (or as resolved
 * relative to an include directory), so that messages point where the user can look.
 */
public record SourceLocation(String file, int line, int column) {
  public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, 0);

  public static SourceLocation of(String file, int line, int column) {
    return new SourceLocation(file, line, column);
  }

  /** {@code file:line:col}, the prefix of every problem we report. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
