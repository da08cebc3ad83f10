package dev.polyglot.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polyglot.conformance.cases.CaseFile;
import dev.polyglot.conformance.cases.ConformanceCase;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs a case file against one target, case by case in file order on one session, printing one
 * line per case and, for a failure, what was sent and what came back; then the summary line
 * {@code N passed, N failed}.
 */
public final class ConformanceRunner {
  private static final int BRIEF = 300;
  private final TargetSession session;
  private final Duration timeout;
  private final Optional<Pattern> only;

  private ConformanceRunner(TargetSession session, Duration timeout, Optional<Pattern> only) {
    this.session = session;
    this.timeout = timeout;
    this.only = only;
  }

  /**
   * @param only a pattern matched against {@code group/name} and {@code name}: {@code *} stands for
   *     anything; without {@code *} it matches names containing it
   */
  public static ConformanceRunner of(TargetSession session, Duration timeout, Optional<String> only) {
    Objects.requireNonNull(session, "session");
    return new ConformanceRunner(session, timeout, only.map(ConformanceRunner::glob));
  }

  private static Pattern glob(String pattern) {
    String glob = pattern.contains("*") ? pattern : "*" + pattern + "*";
    StringBuilder re = new StringBuilder();
    String[] parts = glob.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) re.append(".*");
      if (!parts[i].isEmpty()) re.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }

  /** Whether {@code c} is selected by the {@code only} pattern. */
  public boolean selects(ConformanceCase c) {
    return only.isEmpty() || only.get().matcher(c.name()).matches() || only.get().matcher(c.qualifiedName()).matches();
  }

  /** Runs every selected case, printing as it goes, and returns the results in file order. */
  public RunReport run(CaseFile file, PrintStream out) {
    List<CaseResult> results = new ArrayList<>();
    for (ConformanceCase c : file.cases()) {
      if (!selects(c)) continue;
      CaseResult r = runOne(c);
      out.println(r.line());
      for (String d : r.details()) out.println("  " + d);
      results.add(r);
    }
    RunReport report = new RunReport(session.target().toString(), file.source(), results);
    out.println(report.summary());
    out.flush();
    return report;
  }

  CaseResult runOne(ConformanceCase c) {
    long start = System.nanoTime();
    Outcome outcome;
    try {
      outcome = session.call(c.method(), c.request(), timeout);
    } catch (IllegalArgumentException e) {
      return new CaseResult(c, millisSince(start), Optional.of("broken case (line " + c.line() + "): " + e.getMessage()), List.of());
    }
    long millis = millisSince(start);
    Optional<String> failure = CaseCheck.judge(c, outcome);
    if (failure.isEmpty() && c.maxMillis().isPresent() && millis > c.maxMillis().getAsLong()) {
      failure = Optional.of("took " + millis + " ms (expected: at most " + c.maxMillis().getAsLong() + " ms)");
    }
    if (failure.isEmpty()) return new CaseResult(c, millis, failure, List.of());
    JsonNode sent = c.request();
    return new CaseResult(c, millis, failure, List.of(
        "sent:     " + c.method() + " " + Json.brief(sent, BRIEF),
        "received: " + (outcome instanceof Outcome.Failure ? "error " : "") + Json.brief(outcome.toJson(), BRIEF)));
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
