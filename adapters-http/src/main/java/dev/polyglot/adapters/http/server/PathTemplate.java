package dev.polyglot.adapters.http.server;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code google.api.http} path template compiled for matching, e.g. {@code /v1/items/{sku}},
 * {@code /v1/{name=shelves/*}/books/**} or {@code /v1/items/{sku}:restock}. Immutable and thread-safe.
 *
 * <p>Grammar (google/api/http.proto): {@code Template = "/" Segments [":" Verb]},
 * {@code Segment = "*" | "**" | LITERAL | "{" FieldPath ["=" Segments] "}"}. {@code {sku}} means
 * {@code {sku=*}}. {@code **} matches zero or more segments and may only be the last segment.
 *
 * <p>Matching works on the request path split at {@code /} and percent-decoded once per request
 * ({@link RequestPath}); a template never decodes anything itself.
 */
final class PathTemplate {
  private static final int STAR = 1;
  private static final int DOUBLE_STAR = 2;
  private static final int LITERAL = 0;

  /** One variable: the field path it fills and the segments it covers ({@code end} -1: up to the last). */
  record Variable(String fieldPath, int start, int end) {}

  private final String text;
  private final int[] kinds;
  private final String[] literals;
  private final List<Variable> variables;
  private final String verb;
  private final boolean endsWithDoubleStar;
  private final int literalCount;

  private PathTemplate(String text, int[] kinds, String[] literals, List<Variable> variables, String verb) {
    this.text = text;
    this.kinds = kinds;
    this.literals = literals;
    this.variables = List.copyOf(variables);
    this.verb = verb;
    this.endsWithDoubleStar = kinds.length > 0 && kinds[kinds.length - 1] == DOUBLE_STAR;
    int n = 0;
    for (int k : kinds) if (k == LITERAL) n++;
    this.literalCount = n;
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException quoting the template and saying what is wrong
   */
  static PathTemplate parse(String template) {
    return new Parser(template).parse();
  }

  String text() {
    return text;
  }

  List<Variable> variables() {
    return variables;
  }

  /** The custom verb after {@code :}, or null. */
  String verb() {
    return verb;
  }

  /** More literal segments first, then templates without {@code **}, then longer ones: the order to try. */
  static int bySpecificity(PathTemplate a, PathTemplate b) {
    if (a.literalCount != b.literalCount) return Integer.compare(b.literalCount, a.literalCount);
    if (a.endsWithDoubleStar != b.endsWithDoubleStar) return a.endsWithDoubleStar ? 1 : -1;
    if ((a.verb == null) != (b.verb == null)) return a.verb == null ? 1 : -1;
    return Integer.compare(b.kinds.length, a.kinds.length);
  }

  /** Whether the decoded path matches this template. */
  boolean matches(RequestPath path) {
    String[] segments = path.decoded();
    int n = segments.length;
    String last;
    if (verb != null) {
      if (n == 0 || !path.rawLast().endsWith(":" + verb)) return false;
      last = path.decodedLastWithoutVerb(verb.length() + 1);
    } else {
      last = n == 0 ? null : segments[n - 1];
    }
    int fixed = endsWithDoubleStar ? kinds.length - 1 : kinds.length;
    if (endsWithDoubleStar ? n < fixed : n != fixed) return false;
    for (int i = 0; i < fixed; i++) {
      String s = i == n - 1 ? last : segments[i];
      switch (kinds[i]) {
        case LITERAL -> {
          if (!literals[i].equals(s)) return false;
        }
        case STAR -> {
          if (s.isEmpty()) return false;
        }
        default -> throw new IllegalStateException("** before the last segment of " + text);
      }
    }
    return true;
  }

  /**
   * The values of the variables, in {@link #variables()} order, for a path that {@link #matches}. A
   * variable over one segment is fully percent-decoded; one over several keeps {@code %2F} encoded
   * so that its slashes stay distinguishable, as google.api.http specifies.
   */
  String[] values(RequestPath path) {
    String[] out = new String[variables.size()];
    int n = path.decoded().length;
    for (int v = 0; v < out.length; v++) {
      Variable var = variables.get(v);
      int end = var.end() < 0 ? n : var.end();
      boolean single = end - var.start() == 1 && kinds[var.start()] != DOUBLE_STAR;
      if (single) {
        out[v] = var.start() == n - 1 && verb != null ? path.decodedLastWithoutVerb(verb.length() + 1) : path.decoded()[var.start()];
      } else {
        StringBuilder sb = new StringBuilder();
        for (int i = var.start(); i < end; i++) {
          if (i > var.start()) sb.append('/');
          String raw = i == n - 1 && verb != null ? path.rawLast().substring(0, path.rawLast().length() - verb.length() - 1) : path.raw()[i];
          sb.append(RequestPath.decodeKeepingSlashes(raw));
        }
        out[v] = sb.toString();
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Parser {
    private final String t;
    private int pos;
    private final List<Integer> kinds = new ArrayList<>();
    private final List<String> literals = new ArrayList<>();
    private final List<Variable> variables = new ArrayList<>();

    Parser(String t) {
      this.t = t;
    }

    PathTemplate parse() {
      if (t.isEmpty() || t.charAt(0) != '/') throw problem(0, "expected: a template starting with /");
      pos = 1;
      segments(false);
      String verb = null;
      if (pos < t.length() && t.charAt(pos) == ':') {
        int start = ++pos;
        while (pos < t.length() && t.charAt(pos) != '/' && t.charAt(pos) != '{' && t.charAt(pos) != '}') pos++;
        if (pos == start) throw problem(start, "expected: a verb after :");
        verb = t.substring(start, pos);
      }
      if (pos != t.length()) throw problem(pos, "unexpected " + t.charAt(pos));
      for (int i = 0; i < kinds.size() - 1; i++) {
        if (kinds.get(i) == DOUBLE_STAR) throw problem(0, "** may only be the last segment");
      }
      int[] k = new int[kinds.size()];
      for (int i = 0; i < k.length; i++) k[i] = kinds.get(i);
      return new PathTemplate(t, k, literals.toArray(new String[0]), variables, verb);
    }

    private void segments(boolean inVariable) {
      while (true) {
        segment(inVariable);
        if (pos < t.length() && t.charAt(pos) == '/') {
          pos++;
          continue;
        }
        return;
      }
    }

    private void segment(boolean inVariable) {
      if (t.startsWith("**", pos)) {
        add(DOUBLE_STAR, null);
        pos += 2;
      } else if (t.startsWith("*", pos)) {
        add(STAR, null);
        pos++;
      } else if (t.startsWith("{", pos)) {
        if (inVariable) throw problem(pos, "a variable inside a variable");
        int open = pos++;
        int start = pos;
        while (pos < t.length() && (Character.isLetterOrDigit(t.charAt(pos)) || t.charAt(pos) == '_' || t.charAt(pos) == '.')) pos++;
        String field = t.substring(start, pos);
        if (field.isEmpty() || field.startsWith(".") || field.endsWith(".") || field.contains("..")) {
          throw problem(start, "expected: a field path like sku or item.sku");
        }
        int first = kinds.size();
        if (pos < t.length() && t.charAt(pos) == '=') {
          pos++;
          segments(true);
        } else {
          add(STAR, null);
        }
        if (pos >= t.length() || t.charAt(pos) != '}') throw problem(open, "unclosed {");
        pos++;
        boolean toEnd = kinds.get(kinds.size() - 1) == DOUBLE_STAR;
        variables.add(new Variable(field, first, toEnd ? -1 : kinds.size()));
      } else {
        int start = pos;
        while (pos < t.length() && t.charAt(pos) != '/' && t.charAt(pos) != '{' && t.charAt(pos) != '}' && t.charAt(pos) != ':') pos++;
        if (pos == start) throw problem(pos, "expected: a path segment");
        add(LITERAL, RequestPath.decode(t.substring(start, pos)));
      }
    }

    private void add(int kind, String literal) {
      kinds.add(kind);
      literals.add(literal);
    }

    private IllegalArgumentException problem(int at, String message) {
      return new IllegalArgumentException("path template \"" + t + "\" at column " + (at + 1) + ": " + message);
    }
  }
}
