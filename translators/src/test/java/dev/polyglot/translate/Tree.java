package dev.polyglot.translate;

import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.ValueSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A test-only value tree, the oracle for round trips: values are Boolean, Long, Double, String,
 * {@link Bin}, {@link UUID}, {@link EnumNumber}, {@link Struct}, {@link ListOf}, {@link SetOf},
 * {@link MapOf}. Records give structural equality (Double.equals: NaN equals NaN, -0.0 differs
 * from 0.0, which is what a faithful transcoder must preserve).
 */
final class Tree {
  private Tree() {}

  record Field(int index, Object value) {}

  record Struct(List<Field> fields) {
    Object get(int index) {
      for (Field f : fields) if (f.index == index) return f.value;
      return null;
    }
  }

  record ListOf(List<Object> elements) {}

  record SetOf(List<Object> elements) {}

  record Entry(Object key, Object value) {}

  record MapOf(List<Entry> entries) {}

  record EnumNumber(int number) {}

  record Bin(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bin b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return bytes.length > 32 ? "Bin[" + bytes.length + " bytes]" : "Bin[" + HexFormat.of().formatHex(bytes) + "]";
    }
  }

  /** A struct by field names: {@code struct(plan, "sku", "A-1", "count", 3L)}. */
  static Struct struct(StructPlan plan, Object... nameValuePairs) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      String name = (String) nameValuePairs[i];
      int index = plan.indexOfName(name);
      if (index < 0) throw new IllegalArgumentException("no field " + name + " in " + plan);
      fields.add(new Field(index, nameValuePairs[i + 1]));
    }
    return new Struct(fields);
  }

  static ListOf list(Object... elements) {
    return new ListOf(List.of(elements));
  }

  static SetOf set(Object... elements) {
    return new SetOf(List.of(elements));
  }

  static MapOf map(Object... keyValuePairs) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < keyValuePairs.length; i += 2) entries.add(new Entry(keyValuePairs[i], keyValuePairs[i + 1]));
    return new MapOf(entries);
  }

  static Bin bin(byte... bytes) {
    return new Bin(bytes);
  }

  static EnumNumber enumNumber(int n) {
    return new EnumNumber(n);
  }

  /** Drives a sink with a tree; sizes are announced or, to exercise backpatching, withheld. */
  static void emit(Struct root, ValueSink out, boolean announceSizes) {
    emitValue(root, out, announceSizes);
  }

  private static void emitValue(Object v, ValueSink out, boolean sizes) {
    if (v instanceof Struct s) {
      out.startStruct();
      for (Field f : s.fields) {
        out.field(f.index);
        emitValue(f.value, out, sizes);
      }
      out.endStruct();
    } else if (v instanceof ListOf l) {
      out.startList(sizes ? l.elements.size() : -1);
      for (Object e : l.elements) emitValue(e, out, sizes);
      out.endList();
    } else if (v instanceof SetOf l) {
      out.startSet(sizes ? l.elements.size() : -1);
      for (Object e : l.elements) emitValue(e, out, sizes);
      out.endSet();
    } else if (v instanceof MapOf m) {
      out.startMap(sizes ? m.entries.size() : -1);
      for (Entry e : m.entries) {
        emitValue(e.key, out, sizes);
        emitValue(e.value, out, sizes);
      }
      out.endMap();
    } else if (v instanceof Boolean b) {
      out.boolValue(b);
    } else if (v instanceof Long n) {
      out.longValue(n);
    } else if (v instanceof Double d) {
      out.doubleValue(d);
    } else if (v instanceof String s) {
      // Alternate the two string events so writers are tested with both.
      if (sizes) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[utf8.length + 2];
        System.arraycopy(utf8, 0, padded, 1, utf8.length);
        out.stringValue(padded, 1, utf8.length);
      } else {
        out.stringValue(s);
      }
    } else if (v instanceof Bin b) {
      out.binaryValue(b.bytes, 0, b.bytes.length);
    } else if (v instanceof UUID u) {
      out.uuidValue(u.getMostSignificantBits(), u.getLeastSignificantBits());
    } else if (v instanceof EnumNumber e) {
      out.enumValue(e.number);
    } else {
      throw new IllegalArgumentException("not a tree value: " + v);
    }
  }

  /** Builds a tree from events; checks the events are well nested and sizes match. */
  static final class Builder implements ValueSink {
    private final ArrayDeque<Object> stack = new ArrayDeque<>();
    private final ArrayDeque<Integer> pendingField = new ArrayDeque<>();
    private final ArrayDeque<Integer> declared = new ArrayDeque<>();
    private Struct result;

    Struct result() {
      if (result == null) throw new AssertionError("no complete value");
      return result;
    }

    private void add(Object value) {
      Object top = stack.peek();
      if (top == null) {
        result = (Struct) value;
      } else if (top instanceof Struct s) {
        Integer index = pendingField.pop();
        if (index < 0) throw new AssertionError("value without field()");
        s.fields.add(new Field(index, value));
        pendingField.push(-1);
      } else if (top instanceof ListOf l) {
        l.elements.add(value);
      } else if (top instanceof SetOf l) {
        l.elements.add(value);
      } else if (top instanceof MapOf m) {
        List<Entry> es = m.entries;
        if (!es.isEmpty() && es.get(es.size() - 1).value == PENDING) {
          es.set(es.size() - 1, new Entry(es.get(es.size() - 1).key, value));
        } else {
          es.add(new Entry(value, PENDING));
        }
      }
    }

    private static final Object PENDING = new Object();

    @Override
    public void startStruct() {
      stack.push(new Struct(new ArrayList<>()));
      pendingField.push(-1);
    }

    @Override
    public void field(int fieldIndex) {
      pendingField.pop();
      pendingField.push(fieldIndex);
    }

    @Override
    public void endStruct() {
      pendingField.pop();
      add(stack.pop());
    }

    @Override
    public void startList(int size) {
      stack.push(new ListOf(new ArrayList<>()));
      declared.push(size);
    }

    @Override
    public void endList() {
      ListOf l = (ListOf) stack.pop();
      checkSize(l.elements.size());
      add(l);
    }

    @Override
    public void startSet(int size) {
      stack.push(new SetOf(new ArrayList<>()));
      declared.push(size);
    }

    @Override
    public void endSet() {
      SetOf l = (SetOf) stack.pop();
      checkSize(l.elements.size());
      add(l);
    }

    @Override
    public void startMap(int size) {
      stack.push(new MapOf(new ArrayList<>()));
      declared.push(size);
    }

    @Override
    public void endMap() {
      MapOf m = (MapOf) stack.pop();
      checkSize(m.entries.size());
      add(m);
    }

    private void checkSize(int actual) {
      int d = declared.pop();
      if (d >= 0 && d != actual) throw new AssertionError("declared " + d + " but got " + actual);
    }

    @Override
    public void boolValue(boolean value) {
      add(value);
    }

    @Override
    public void longValue(long value) {
      add(value);
    }

    @Override
    public void doubleValue(double value) {
      add(value);
    }

    @Override
    public void stringValue(String value) {
      add(value);
    }

    @Override
    public void stringValue(byte[] utf8, int offset, int length) {
      add(new String(utf8, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void binaryValue(byte[] bytes, int offset, int length) {
      add(new Bin(Arrays.copyOfRange(bytes, offset, offset + length)));
    }

    @Override
    public void uuidValue(long mostSignificantBits, long leastSignificantBits) {
      add(new UUID(mostSignificantBits, leastSignificantBits));
    }

    @Override
    public void enumValue(int number) {
      add(new EnumNumber(number));
    }
  }
}
