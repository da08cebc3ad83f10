package dev.polyglot.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares two JSON values of the caller's view, field by field, and lists where they differ.
 *
 * <p>Numbers compare by value: integers exactly (an i64 near 2^63 is never rounded through a double),
 * a double against anything with {@link Double#compare}, so {@code -0.0} differs from {@code 0.0} and
 * the same NaN equals itself. A string of digits equals the same integer (proto3 JSON writes int64 as a
 * string). Object keys compare as sets, in sorted order, so the first difference is stable; arrays
 * compare in order.
 *
 * <p>Ignore paths are field paths with {@code [*]} or {@code *} standing for any index or key:
 * {@code dims.width_cm}, {@code items[*].sku}; ignoring a path ignores everything below it.
 */
public final class JsonComparison {
  private final List<String[]> ignored;

  private JsonComparison(List<String> ignore) {
    this.ignored = new ArrayList<>();
    for (String p : ignore) ignored.add(segments(p));
  }

  public static JsonComparison ignoring(List<String> ignore) {
    return new JsonComparison(ignore);
  }

  /** Every difference, in a stable order (depth first, keys sorted). */
  public List<Difference> differences(JsonNode expected, JsonNode actual) {
    List<Difference> out = new ArrayList<>();
    compare("", expected, actual, out);
    return out;
  }

  private void compare(String path, JsonNode expected, JsonNode actual, List<Difference> out) {
    if (isIgnored(path)) return;
    if (expected == null || actual == null || expected.isMissingNode() || actual.isMissingNode()) {
      if (present(expected) || present(actual)) out.add(new Difference(path, text(expected), text(actual)));
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      actual.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) compare(path.isEmpty() ? k : path + "." + k, expected.get(k), actual.get(k), out);
      return;
    }
    if (expected.isArray() && actual.isArray()) {
      int n = Math.max(expected.size(), actual.size());
      for (int i = 0; i < n; i++) compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
      return;
    }
    if (!sameScalar(expected, actual)) out.add(new Difference(path, text(expected), text(actual)));
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isMissingNode();
  }

  private static String text(JsonNode n) {
    return present(n) ? Json.brief(n, 120) : Difference.ABSENT;
  }

  static boolean sameScalar(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      if (a.isFloatingPointNumber() || b.isFloatingPointNumber()) {
        if (a.isIntegralNumber() || b.isIntegralNumber()) {
          // 5 vs 5.0: the same value unless the double is -0.0, which an integer cannot be.
          return a.decimalValue().compareTo(b.decimalValue()) == 0 && Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
      }
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    if (a.isNumber() && b.isTextual()) return integerText(b.asText(), a);
    if (a.isTextual() && b.isNumber()) return integerText(a.asText(), b);
    return a.equals(b);
  }

  private static boolean integerText(String s, JsonNode number) {
    if (!number.isIntegralNumber() || !s.matches("-?[0-9]+")) return false;
    return new BigDecimal(s).toBigInteger().equals(number.bigIntegerValue());
  }

  private boolean isIgnored(String path) {
    if (ignored.isEmpty() || path.isEmpty()) return false;
    String[] have = segments(path);
    for (String[] pattern : ignored) {
      if (pattern.length > have.length) continue;
      boolean match = true;
      for (int i = 0; i < pattern.length && match; i++) {
        match = pattern[i].equals("*") || pattern[i].equals(have[i]);
      }
      if (match) return true;
    }
    return false;
  }

  /** {@code items[2].sku} → {@code items, 2, sku}; {@code [*]} → {@code *}. */
  private static String[] segments(String path) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = List.of(path.replace("[", ".").replace("]", "").split("\\.")).iterator(); it.hasNext();) {
      String s = it.next();
      if (!s.isEmpty()) out.add(s);
    }
    return out.toArray(String[]::new);
  }
}
