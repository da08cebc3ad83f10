package dev.polyglot.conformance.runner;

import dev.polyglot.conformance.cases.ConformanceCase;
import java.util.List;
import java.util.Optional;

/**
 * How one case went.
 *
 * @param failure empty when the case passed; else the reason (first difference by field path)
 * @param details what was sent and what came back, for a failure's report
 */
public record CaseResult(ConformanceCase testCase, long millis, Optional<String> failure, List<String> details) {
  public CaseResult {
    details = List.copyOf(details);
  }

  public boolean passed() {
    return failure.isEmpty();
  }

  /** The case's report line: {@code PASS group/name} or {@code FAIL group/name: reason}. */
  public String line() {
    return failure.map(f -> "FAIL " + testCase.qualifiedName() + ": " + f).orElse("PASS " + testCase.qualifiedName());
  }
}
