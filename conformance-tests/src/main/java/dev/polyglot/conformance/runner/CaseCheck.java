package dev.polyglot.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyglot.conformance.cases.ConformanceCase;
import dev.polyglot.conformance.cases.ExpectedError;
import java.util.List;
import java.util.Optional;

/** Judges one outcome against what its case expects; the first difference is the verdict. */
final class CaseCheck {
  private CaseCheck() {}

  /** Empty when the outcome is what the case expects; else the first difference, by field path. */
  static Optional<String> judge(ConformanceCase c, Outcome outcome) {
    JsonComparison comparison = JsonComparison.ignoring(c.ignore());
    if (c.expectError().isPresent()) {
      ExpectedError e = c.expectError().get();
      if (!(outcome instanceof Outcome.Failure f)) {
        return Optional.of("expected error " + describe(e) + ", received a result");
      }
      ObjectNode expected = Json.MAPPER.createObjectNode();
      ObjectNode actual = Json.MAPPER.createObjectNode();
      e.code().ifPresent(v -> {
        expected.put("code", v);
        actual.put("code", f.code());
      });
      e.type().ifPresent(v -> {
        boolean qualified = v.contains(".");
        expected.put("type", v);
        actual.put("type", qualified ? f.type().orElse("") : f.simpleType());
      });
      e.message().ifPresent(v -> {
        expected.put("message", v);
        actual.put("message", f.message());
      });
      e.fields().ifPresent(v -> {
        expected.set("fields", v);
        f.fields().ifPresent(x -> actual.set("fields", x));
      });
      List<Difference> diffs = comparison.differences(expected, actual);
      return diffs.isEmpty() ? Optional.empty() : Optional.of("error differs " + diffs.get(0).describe("expected", "received"));
    }
    if (outcome instanceof Outcome.Failure f) {
      return Optional.of("expected a result, received error " + f.code() + (f.type().isPresent() ? " " + f.simpleType() : "")
          + (f.message().isEmpty() ? "" : ": " + f.message()));
    }
    if (c.expect().isEmpty()) return Optional.empty();
    JsonNode result = ((Outcome.Success) outcome).result();
    List<Difference> diffs = comparison.differences(c.expect().get(), result);
    return diffs.isEmpty() ? Optional.empty() : Optional.of("first difference " + diffs.get(0).describe("expected", "received"));
  }

  private static String describe(ExpectedError e) {
    StringBuilder sb = new StringBuilder();
    e.code().ifPresent(sb::append);
    e.type().ifPresent(t -> sb.append(sb.length() == 0 ? "" : " ").append(t));
    return sb.length() == 0 ? "(any)" : sb.toString();
  }
}
