package dev.polyglot.idl.convert;

import dev.polyglot.idl.ConstValue;
import java.util.Map;
import java.util.stream.Collectors;

/** Spells constant and default values in Thrift syntax (also used in comments of converted protos). */
final class ConstText {
  private ConstText() {}

  static String of(ConstValue v) {
    if (v instanceof ConstValue.IntValue i) return Long.toString(i.value());
    if (v instanceof ConstValue.DoubleValue d) return Double.toString(d.value());
    if (v instanceof ConstValue.BoolValue b) return b.value() ? "true" : "false";
    if (v instanceof ConstValue.StringValue s) return quote(s.value());
    if (v instanceof ConstValue.EnumRef e) return simple(e.enumName()) + "." + e.valueName();
    if (v instanceof ConstValue.ListValue l) return l.elements().stream().map(ConstText::of).collect(Collectors.joining(", ", "[", "]"));
    if (v instanceof ConstValue.MapValue m) {
      return m.entries().stream().map(e -> of(e.getKey()) + ": " + of(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    ConstValue.StructValue s = (ConstValue.StructValue) v;
    return s.fields().stream().map((Map.Entry<String, ConstValue> e) -> quote(e.getKey()) + ": " + of(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String simple(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
  }
}
