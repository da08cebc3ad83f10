package dev.polyglot.idl;

import java.util.List;
import java.util.Map;

/**
 * A constant or default value, fully resolved: references to other constants (also in included
 * files) are replaced by their values, and references to enum values become {@link EnumRef}.
 */
public sealed interface ConstValue
    permits ConstValue.IntValue,
        ConstValue.DoubleValue,
        ConstValue.BoolValue,
        ConstValue.StringValue,
        ConstValue.EnumRef,
        ConstValue.ListValue,
        ConstValue.MapValue,
        ConstValue.StructValue {

  record IntValue(long value) implements ConstValue {}

  record DoubleValue(double value) implements ConstValue {}

  record BoolValue(boolean value) implements ConstValue {}

  record StringValue(String value) implements ConstValue {}

  /** A value of enum {@code enumName} (qualified). */
  record EnumRef(String enumName, String valueName, int number) implements ConstValue {}

  record ListValue(List<ConstValue> elements) implements ConstValue {
    public ListValue {
      elements = List.copyOf(elements);
    }
  }

  /** Entries in declaration order. */
  record MapValue(List<Map.Entry<ConstValue, ConstValue>> entries) implements ConstValue {
    public MapValue {
      entries = List.copyOf(entries);
    }
  }

  /** A struct literal: field name → value, declaration order, for struct type {@code structName}. */
  record StructValue(String structName, List<Map.Entry<String, ConstValue>> fields) implements ConstValue {
    public StructValue {
      fields = List.copyOf(fields);
    }
  }
}
