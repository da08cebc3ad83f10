package dev.polyglot.conformance.cases;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.polyglot.translate.status.StatusCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads YAML case files. The YAML is read into a JSON tree whose every node remembers where it
 * started, so that each problem is reported as {@code file:line:col: cases[3].expect_error.code: ...};
 * every problem in the file is collected before failing once.
 *
 * <p>Values under {@code request} and {@code expect} are JSON of the caller's view, with two
 * conveniences for values too long to spell out: {@code {$repeat: {text: "ab", times: 3}}} is the
 * string {@code "ababab"}, and {@code {$bytes: {length: 256}}} is the base64 of that many bytes counting
 * 0, 1, ..., 255, 0, 1, ... NaN and the infinities are written as the JSON dialects write them, as the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. YAML anchors and aliases
 * ({@code &item} ... {@code *item}) repeat a value, typically a request's struct as its expected result.
 *
 * <p>Stateless; thread-safe.
 */
public final class CaseFileParser {
  /** Recorded case files carry whole payloads (1 MiB and more, twice per case): far past SnakeYAML's 3 MiB default. */
  private static final int MAX_CODE_POINTS = 512 * 1024 * 1024;
  private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);
  private static final Set<String> TOP_KEYS = Set.of("service", "cases");
  private static final Set<String> CASE_KEYS =
      Set.of("name", "group", "description", "method", "request", "expect", "expect_error", "ignore", "max_millis");
  private static final Set<String> ERROR_KEYS = Set.of("code", "type", "message", "fields");
  /** Generated values beyond this are refused: a typo in a count should not exhaust the heap. */
  private static final long MAX_GENERATED_CHARS = 64L * 1024 * 1024;

  private CaseFileParser() {}

  private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    return options;
  }

  public static CaseFile parse(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CaseFileException(List.of(file + ": cannot read (" + e.getMessage() + ")"));
    }
  }

  /** A case file on the classpath, such as {@link StandardCases#RESOURCE}. */
  public static CaseFile parseResource(String resource) {
    try (InputStream in = CaseFileParser.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new CaseFileException(List.of(resource + ": not on the classpath"));
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Parses {@code text}; {@code source} names it in messages. */
  public static CaseFile parse(String source, String text) {
    Located tree = new Located(source);
    JsonNode root;
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) throw new CaseFileException(List.of(source + ":1:1: the file is empty (expected: service: and cases:)"));
      root = tree.read(p);
    } catch (IOException e) {
      throw new CaseFileException(List.of(source + ": " + yamlMessage(e)));
    }
    return new Reading(tree).file(root);
  }

  private static String yamlMessage(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
      JsonLocation at = j.getLocation();
      return at.getLineNr() + ":" + at.getColumnNr() + ": " + j.getOriginalMessage();
    }
    return e.getMessage();
  }

  /** The tree and where each node began. */
  private static final class Located {
    final String source;
    final Map<JsonNode, JsonLocation> where = new IdentityHashMap<>();
    /** YAML anchors ({@code &name}) seen so far; an alias ({@code *name}) reads as a copy. */
    final Map<String, JsonNode> anchors = new java.util.HashMap<>();

    Located(String source) {
      this.source = source;
    }

    /** Reads the value at the parser's current token. */
    JsonNode read(JsonParser p) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      YAMLParser yaml = (YAMLParser) p;
      if (yaml.isCurrentAlias()) {
        JsonNode anchored = anchors.get(p.getText());
        if (anchored == null) {
          throw new JsonParseException(p, "alias *" + p.getText() + " names no earlier anchor (expected: &" + p.getText() + " on a value above it)");
        }
        JsonNode copy = anchored.deepCopy();
        where.put(copy, at);
        return copy;
      }
      String anchor = yaml.getCurrentAnchor();
      JsonNode node = switch (p.currentToken()) {
        case START_OBJECT -> {
          ObjectNode o = NODES.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            o.set(key, read(p));
          }
          yield o;
        }
        case START_ARRAY -> {
          ArrayNode a = NODES.arrayNode();
          while (p.nextToken() != JsonToken.END_ARRAY) a.add(read(p));
          yield a;
        }
        case VALUE_STRING -> new TextNode(p.getText());
        case VALUE_NUMBER_INT -> integer(p.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT -> floating(p.getDoubleValue());
        // Booleans and null are shared singletons: their recorded location is the last one read.
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> new TextNode(p.getText());
      };
      where.put(node, at);
      if (anchor != null) anchors.put(anchor, node);
      return node;
    }

    /** Fresh nodes (not the factory's cached small numbers), so that each remembers its own location. */
    private static JsonNode integer(BigInteger v) {
      if (v.bitLength() < 32) return new IntNode(v.intValue());
      if (v.bitLength() < 64) return new LongNode(v.longValue());
      return new BigIntegerNode(v);
    }

    private static JsonNode floating(double v) {
      if (Double.isNaN(v)) return NODES.textNode("NaN");
      if (Double.isInfinite(v)) return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
      return new DoubleNode(v);
    }

    String at(JsonNode node) {
      JsonLocation l = where.get(node);
      return l == null ? source : source + ":" + l.getLineNr() + ":" + l.getColumnNr();
    }

    int line(JsonNode node) {
      JsonLocation l = where.get(node);
      return l == null ? 0 : l.getLineNr();
    }
  }

  /** One pass over a read tree, collecting problems. */
  private static final class Reading {
    final Located tree;
    final List<String> problems = new ArrayList<>();

    Reading(Located tree) {
      this.tree = tree;
    }

    CaseFile file(JsonNode root) {
      if (!root.isObject()) {
        throw new CaseFileException(List.of(tree.at(root) + ": the file is a " + kind(root) + " (expected: a mapping with service: and cases:)"));
      }
      unknownKeys(root, "", TOP_KEYS);
      String service = text(root, "service", "", true);
      List<ConformanceCase> cases = new ArrayList<>();
      JsonNode list = root.get("cases");
      if (list == null) {
        problem(root, "cases", "missing (expected: a list of cases)");
      } else if (!list.isArray()) {
        problem(list, "cases", "a " + kind(list) + " (expected: a list of cases)");
      } else {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          ConformanceCase c = caseAt(list.get(i), "cases[" + i + "]");
          if (c != null && !names.add(c.name())) problem(list.get(i).get("name"), "cases[" + i + "].name", c.name() + " is used by an earlier case (expected: a unique name)");
          if (c != null) cases.add(c);
        }
      }
      if (!problems.isEmpty()) throw new CaseFileException(problems);
      return new CaseFile(tree.source, service == null ? "" : service, cases);
    }

    private ConformanceCase caseAt(JsonNode node, String path) {
      if (!node.isObject()) {
        problem(node, path, "a " + kind(node) + " (expected: a mapping with name:, method: and request:)");
        return null;
      }
      int before = problems.size();
      unknownKeys(node, path + ".", CASE_KEYS);
      String name = text(node, "name", path + ".", true);
      String group = Optional.ofNullable(text(node, "group", path + ".", false)).orElse("cases");
      String description = Optional.ofNullable(text(node, "description", path + ".", false)).orElse("");
      String method = text(node, "method", path + ".", true);
      JsonNode request = node.get("request");
      if (request == null || request.isNull()) {
        request = NODES.objectNode();
      } else if (!request.isObject()) {
        problem(request, path + ".request", "a " + kind(request) + " (expected: a mapping of the request's fields)");
      }
      request = expand(request, path + ".request");
      Optional<JsonNode> expect = Optional.ofNullable(node.get("expect")).map(e -> expand(e, path + ".expect"));
      Optional<ExpectedError> error = Optional.ofNullable(node.get("expect_error")).map(e -> expectedError(e, path + ".expect_error"));
      if (expect.isPresent() && error.isPresent()) {
        problem(node.get("expect_error"), path + ".expect_error", "set together with expect (expected: one of expect and expect_error)");
      }
      List<String> ignore = new ArrayList<>();
      JsonNode ig = node.get("ignore");
      if (ig != null) {
        if (!ig.isArray()) {
          problem(ig, path + ".ignore", "a " + kind(ig) + " (expected: a list of field paths)");
        } else {
          for (int i = 0; i < ig.size(); i++) {
            if (ig.get(i).isTextual() && !ig.get(i).asText().isBlank()) ignore.add(ig.get(i).asText());
            else problem(ig.get(i), path + ".ignore[" + i + "]", "a " + kind(ig.get(i)) + " (expected: a field path such as dims.width_cm)");
          }
        }
      }
      OptionalLong maxMillis = OptionalLong.empty();
      JsonNode mm = node.get("max_millis");
      if (mm != null) {
        if (mm.canConvertToLong() && mm.isIntegralNumber() && mm.asLong() > 0) maxMillis = OptionalLong.of(mm.asLong());
        else problem(mm, path + ".max_millis", mm + " (expected: a positive whole number of milliseconds)");
      }
      if (problems.size() > before) return null;
      return new ConformanceCase(name, group, description, method, request, expect, error, ignore, maxMillis, tree.line(node));
    }

    private ExpectedError expectedError(JsonNode node, String path) {
      if (!node.isObject()) {
        problem(node, path, "a " + kind(node) + " (expected: a mapping such as {code: not_found, type: ItemNotFound})");
        return new ExpectedError(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
      }
      unknownKeys(node, path + ".", ERROR_KEYS);
      Optional<String> code = Optional.ofNullable(text(node, "code", path + ".", false));
      if (code.isPresent() && StatusCode.parse(code.get()) == null) {
        problem(node.get("code"), path + ".code", code.get() + " (expected: a gRPC status code such as not_found or invalid_argument)");
      }
      Optional<String> type = Optional.ofNullable(text(node, "type", path + ".", false));
      Optional<String> message = Optional.ofNullable(text(node, "message", path + ".", false));
      Optional<JsonNode> fields = Optional.ofNullable(node.get("fields")).map(f -> expand(f, path + ".fields"));
      return new ExpectedError(code, type, message, fields);
    }

    private String text(JsonNode parent, String key, String prefix, boolean required) {
      JsonNode v = parent.get(key);
      if (v == null || v.isNull()) {
        if (required) problem(parent, prefix + key, "missing (expected: a string)");
        return null;
      }
      if (!v.isValueNode() || v.isTextual() && v.asText().isBlank()) {
        problem(v, prefix + key, (v.isTextual() ? "empty" : "a " + kind(v)) + " (expected: a string)");
        return null;
      }
      return v.asText();
    }

    private void unknownKeys(JsonNode node, String prefix, Set<String> known) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
        String key = it.next();
        if (!known.contains(key)) {
          problem(node.get(key), prefix + key, "unknown key (expected: one of " + String.join(", ", known.stream().sorted().toList()) + ")");
        }
      }
    }

    /** Replaces {@code $repeat} and {@code $bytes} objects with the strings they stand for. */
    private JsonNode expand(JsonNode node, String path) {
      if (node.isObject() && node.size() == 1 && node.fieldNames().next().startsWith("$")) {
        String op = node.fieldNames().next();
        JsonNode args = node.get(op);
        return switch (op) {
          case "$repeat" -> repeat(args, path + "." + op);
          case "$bytes" -> bytes(args, path + "." + op);
          default -> {
            problem(args, path + "." + op, "unknown generator (expected: $repeat or $bytes)");
            yield node;
          }
        };
      }
      if (node.isObject()) {
        ObjectNode out = NODES.objectNode();
        node.fields().forEachRemaining(e -> out.set(e.getKey(), expand(e.getValue(), path + "." + e.getKey())));
        tree.where.put(out, tree.where.get(node));
        return out;
      }
      if (node.isArray()) {
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < node.size(); i++) out.add(expand(node.get(i), path + "[" + i + "]"));
        tree.where.put(out, tree.where.get(node));
        return out;
      }
      return node;
    }

    private JsonNode repeat(JsonNode args, String path) {
      JsonNode text = args.get("text");
      JsonNode times = args.get("times");
      if (text == null || !text.isTextual() || times == null || !times.canConvertToInt() || times.asInt() < 0
          || (long) text.asText().length() * times.asInt() > MAX_GENERATED_CHARS) {
        problem(args, path, args + " (expected: {text: STRING, times: N} making at most " + MAX_GENERATED_CHARS + " characters)");
        return NODES.textNode("");
      }
      return NODES.textNode(text.asText().repeat(times.asInt()));
    }

    private JsonNode bytes(JsonNode args, String path) {
      JsonNode length = args.get("length");
      if (length == null || !length.canConvertToInt() || length.asInt() < 0 || length.asLong() > MAX_GENERATED_CHARS) {
        problem(args, path, args + " (expected: {length: N} with N from 0 to " + MAX_GENERATED_CHARS + ")");
        return NODES.textNode("");
      }
      byte[] b = new byte[length.asInt()];
      for (int i = 0; i < b.length; i++) b[i] = (byte) i;
      return NODES.textNode(java.util.Base64.getEncoder().encodeToString(b));
    }

    private void problem(JsonNode node, String path, String what) {
      problems.add(tree.at(node) + ": " + path + ": " + what);
    }

    private static String kind(JsonNode n) {
      if (n.isObject()) return "mapping";
      if (n.isArray()) return "list";
      if (n.isNumber()) return "number";
      if (n.isBoolean()) return "boolean";
      if (n.isNull()) return "null";
      return "string";
    }
  }
}
