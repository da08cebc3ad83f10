package dev.polyglot.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyglot.conformance.cases.CaseFile;
import dev.polyglot.conformance.cases.ConformanceCase;
import dev.polyglot.conformance.runner.Difference;
import dev.polyglot.conformance.runner.JsonComparison;
import dev.polyglot.conformance.runner.Outcome;
import dev.polyglot.conformance.runner.TargetSession;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a case file against an old backend (primary) and a new one (candidate), compares their
 * outcomes in the caller's view and reports the differences by field path, the way Diffy proves a
 * rewrite — across protocols, since each side is reached through its own session.
 *
 * <p>Noise: when a secondary (a second copy of the old backend) is given, every field path at which
 * primary and secondary already disagree for a case (timestamps, random ids) is ignored when
 * primary and candidate are compared. The case file's {@code ignore} paths are ignored too; its
 * {@code expect} is not used — the primary is the reference.
 */
public final class ReplayComparison {
  private final TargetSession primary;
  private final TargetSession candidate;
  private final Optional<TargetSession> secondary;
  private final Duration timeout;

  private ReplayComparison(TargetSession primary, TargetSession candidate, Optional<TargetSession> secondary, Duration timeout) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.candidate = Objects.requireNonNull(candidate, "candidate");
    this.secondary = Objects.requireNonNull(secondary, "secondary");
    this.timeout = timeout;
  }

  public static ReplayComparison of(TargetSession primary, TargetSession candidate, Optional<TargetSession> secondary, Duration timeout) {
    return new ReplayComparison(primary, candidate, secondary, timeout);
  }

  /** One case's verdict: the real differences and how many noisy paths were set aside. */
  public record CaseDiff(ConformanceCase testCase, List<Difference> differences, int noisy) {
    public boolean same() {
      return differences.isEmpty();
    }
  }

  /**
   * Replays every case, printing {@code SAME group/name} or {@code DIFF group/name} followed by one
   * indented line per difference, then the summary {@code N same, N different}.
   */
  public List<CaseDiff> run(CaseFile file, PrintStream out) {
    List<CaseDiff> all = new ArrayList<>();
    for (ConformanceCase c : file.cases()) {
      CaseDiff d = compare(c);
      all.add(d);
      out.println((d.same() ? "SAME " : "DIFF ") + c.qualifiedName() + (d.noisy() > 0 ? " (" + d.noisy() + " noisy fields ignored)" : ""));
      for (Difference diff : d.differences()) out.println("  " + diff.describe("primary", "candidate"));
    }
    long same = all.stream().filter(CaseDiff::same).count();
    out.println(same + " same, " + (all.size() - same) + " different");
    out.flush();
    return all;
  }

  CaseDiff compare(ConformanceCase c) {
    Outcome po = primary.call(c.method(), c.request(), timeout);
    Outcome ko = candidate.call(c.method(), c.request(), timeout);
    if (po instanceof Outcome.Success != ko instanceof Outcome.Success) {
      return new CaseDiff(c, List.of(new Difference("", describe(po), describe(ko))), 0);
    }
    JsonNode p = envelope(po);
    JsonNode k = envelope(ko);
    List<String> ignore = new ArrayList<>(c.ignore());
    int noisy = 0;
    if (secondary.isPresent()) {
      JsonNode s = envelope(secondary.get().call(c.method(), c.request(), timeout));
      Set<String> noise = new HashSet<>();
      for (Difference d : JsonComparison.ignoring(c.ignore()).differences(p, s)) noise.add(d.path());
      noisy = noise.size();
      ignore.addAll(noise);
    }
    List<Difference> diffs = JsonComparison.ignoring(ignore).differences(p, k);
    return new CaseDiff(c, diffs.stream().map(ReplayComparison::unwrap).toList(), noisy);
  }

  /** A result as its JSON; a failure as {@code error not_found ItemNotFound: message}. */
  private static String describe(Outcome o) {
    if (o instanceof Outcome.Failure f) {
      return "error " + f.code() + (f.type().isPresent() ? " " + f.simpleType() : "") + (f.message().isEmpty() ? "" : ": " + f.message());
    }
    String json = o.toJson().toString();
    return json.length() <= 200 ? json : json.substring(0, 200) + "... (" + json.length() + " characters)";
  }

  /**
   * A success as {@code {"result": X}} and a failure as {@code {"error": {...}}}, so that a result
   * against an error is one difference and paths inside either read naturally once unwrapped.
   */
  private static JsonNode envelope(Outcome o) {
    ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (o instanceof Outcome.Success s) n.set("result", s.result());
    else n.set("error", o.toJson());
    return n;
  }

  /** {@code result.dims.width_cm} → {@code dims.width_cm}; {@code result} → the result itself. */
  private static Difference unwrap(Difference d) {
    String path = d.path();
    if (path.equals("result")) path = "";
    else if (path.startsWith("result.")) path = path.substring("result.".length());
    else if (path.startsWith("result[")) path = path.substring("result".length());
    return new Difference(path, d.expected(), d.actual());
  }
}
