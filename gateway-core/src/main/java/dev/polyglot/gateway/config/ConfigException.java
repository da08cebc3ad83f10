package dev.polyglot.gateway.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration could not be used. Carries every problem found; the message lists them one per
 * line in file order, ready to print.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().sorted().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    this.problems = problems.stream().sorted().toList();
  }

  /** Sorted by position. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
