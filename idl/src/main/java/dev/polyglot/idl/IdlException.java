package dev.polyglot.idl;

import java.util.List;

/**
 * Loading failed. Carries every problem found (never just the first); {@link #getMessage()} lists
 * them one per line, sorted by location, ready to print to a user.
 */
public final class IdlException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<Problem> problems;

  public IdlException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    problems.stream().sorted().forEach(p -> sb.append(p).append('\n'));
    return sb.toString().stripTrailing();
  }
}
