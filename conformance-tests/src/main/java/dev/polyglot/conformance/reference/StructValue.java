package dev.polyglot.conformance.reference;

import java.util.Arrays;

/**
 * The fields of one struct value, by position in its {@link ThriftShape.Struct}; null means unset.
 * Not thread-safe; each call reads and writes its own values.
 */
final class StructValue {
  final ThriftShape.Struct shape;
  private final Object[] values;

  StructValue(ThriftShape.Struct shape) {
    this.shape = shape;
    this.values = new Object[shape.fields().size()];
  }

  Object get(int index) {
    return values[index];
  }

  /** The value of the field with this id, or null when unset or unknown. */
  Object byId(int id) {
    int index = shape.indexOf((short) id);
    return index < 0 ? null : values[index];
  }

  StructValue set(int index, Object value) {
    values[index] = value;
    return this;
  }

  StructValue setById(int id, Object value) {
    int index = shape.indexOf((short) id);
    if (index < 0) {
      throw new IllegalArgumentException(shape.name() + " has no field " + id);
    }
    values[index] = value;
    return this;
  }

  int setCount() {
    int n = 0;
    for (Object v : values) {
      if (v != null) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return shape.name() + Arrays.toString(values);
  }
}
