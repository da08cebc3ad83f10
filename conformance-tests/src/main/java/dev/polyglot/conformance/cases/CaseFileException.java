package dev.polyglot.conformance.cases;

import java.util.List;

/**
 * A case file that cannot be used, with every problem found, each as
 * {@code file:line:col: path: what was wrong (expected: what would be right)}.
 */
public final class CaseFileException extends RuntimeException {
  private final List<String> problems;

  public CaseFileException(List<String> problems) {
    super(String.join("\n", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
