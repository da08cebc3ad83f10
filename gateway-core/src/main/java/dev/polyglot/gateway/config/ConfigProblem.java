package dev.polyglot.gateway.config;

/**
 * One thing wrong with a configuration, as the user reads it:
 * {@code gateway.yaml:12:5: routes[1].cahce: unknown key (expected one of: ...)}.
 *
 * @param source the file name as the user gave it
 * @param line 1-based
 * @param column 1-based
 * @param path the YAML path of the offending key or value ({@code listeners.http.port})
 * @param message what is wrong and what was expected, without the path
 */
public record ConfigProblem(String source, int line, int column, String path, String message) implements Comparable<ConfigProblem> {

  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }

  @Override
  public int compareTo(ConfigProblem o) {
    int c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }
}
