package dev.polyglot.adapters.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Resolves dotted field paths ({@code item.dims.width_cm}) of one method's request type, for path
 * variables (when routes are compiled) and query parameters (per request), and types the text of
 * those values for the caller's JSON dialect. Thread-safe: the per-struct name indexes are built
 * once, on first use, and shared.
 *
 * <p>Names resolve by IDL name, and for proto also by JSON name ({@code widthCm}); the JSON written
 * uses the IDL name, which both JSON readers accept.
 */
final class RequestFields {
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Schema schema;
  private final StructDef root;
  private final String rootDescription;
  private final Map<String, Map<String, FieldDef>> indexes = new ConcurrentHashMap<>();

  RequestFields(Schema schema, StructDef root, String rootDescription) {
    this.schema = schema;
    this.root = root;
    this.rootDescription = rootDescription;
  }

  /**
   * The fields along {@code path}, outermost first.
   *
   * @throws IllegalArgumentException naming the first unknown part and the fields there are
   */
  FieldDef[] resolve(String path) {
    String[] parts = path.split("\\.", -1);
    FieldDef[] out = new FieldDef[parts.length];
    StructDef struct = root;
    for (int i = 0; i < parts.length; i++) {
      if (struct == null) {
        throw new IllegalArgumentException(join(parts, i) + ": " + out[i - 1].name() + " is a " + out[i - 1].type().display() + ", not a message or struct");
      }
      FieldDef f = index(struct).get(parts[i]);
      if (f == null) {
        List<String> names = new ArrayList<>();
        for (FieldDef d : struct.fields()) names.add(d.name());
        String where = struct == root ? rootDescription : struct.qualifiedName();
        throw new IllegalArgumentException(join(parts, i + 1) + ": no such field in " + where + " (expected one of: " + String.join(", ", names) + ")");
      }
      out[i] = f;
      struct = f.type() instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.STRUCT ? schema.struct(n.qualifiedName()).orElse(null) : null;
    }
    return out;
  }

  private Map<String, FieldDef> index(StructDef struct) {
    return indexes.computeIfAbsent(struct.qualifiedName(), k -> {
      Map<String, FieldDef> m = new HashMap<>();
      for (FieldDef f : struct.fields()) m.putIfAbsent(f.jsonName(), f);
      for (FieldDef f : struct.fields()) m.put(f.name(), f);
      return Map.copyOf(m);
    });
  }

  /** Whether a path or query value can fill a field of this type (a scalar, an enum or a repeated scalar). */
  static boolean isTextual(TypeRef type) {
    if (type instanceof TypeRef.ListOf l) return isScalar(l.element());
    if (type instanceof TypeRef.SetOf s) return isScalar(s.element());
    return isScalar(type);
  }

  private static boolean isScalar(TypeRef type) {
    if (type instanceof TypeRef.Base) return true;
    // Well-known wrapper and string-shaped types (Timestamp, Duration, FieldMask, wrappers) take text in proto JSON.
    return type instanceof TypeRef.Named n && (n.kind() == TypeRef.NamedKind.ENUM || n.qualifiedName().startsWith("google.protobuf."));
  }

  /**
   * The JSON for a path or query value of a scalar type: numbers and booleans when the text is one,
   * otherwise a string, which the JSON reader accepts where the dialect allows it (an i64 as digits,
   * an enum by name, NaN) and rejects with the field path where it does not.
   */
  static JsonNode scalar(TypeRef type, String text) {
    if (type instanceof TypeRef.Base b) {
      switch (b.scalar()) {
        case BOOL -> {
          if (text.equals("true")) return NODES.booleanNode(true);
          if (text.equals("false")) return NODES.booleanNode(false);
          return NODES.textNode(text);
        }
        case STRING, BINARY, UUID -> {
          return NODES.textNode(text);
        }
        default -> {
          if (b.scalar().isInteger() && INTEGER.matcher(text).matches()) return NODES.numberNode(new BigInteger(text));
          if (b.scalar().isFloatingPoint() && JSON_NUMBER.matcher(text).matches()) return NODES.numberNode(new BigDecimal(text));
          return NODES.textNode(text);
        }
      }
    }
    if (type instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.ENUM && INTEGER.matcher(text).matches()) {
      return NODES.numberNode(new BigInteger(text));
    }
    return NODES.textNode(text);
  }

  static JsonNodeFactory nodes() {
    return NODES;
  }

  private static String join(String[] parts, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) sb.append(i == 0 ? "" : ".").append(parts[i]);
    return sb.toString();
  }
}
