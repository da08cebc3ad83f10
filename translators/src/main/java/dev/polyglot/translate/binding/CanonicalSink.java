package dev.polyglot.translate.binding;

import dev.polyglot.idl.IdlKind;
import dev.polyglot.translate.event.FieldPlan;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TypeKind;
import dev.polyglot.translate.event.TypePlan;
import dev.polyglot.translate.event.ValueSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts one value into canonical form for cache keys. It first computes a private, self-delimiting tagged encoding
 * in which struct fields appear in id order, map entries in the order of their encoded keys and set
 * elements in the order of their encodings, so that values equal in meaning encode equally whatever
 * order or protocol they arrived in, and different values encode differently (every part is
 * prefix-free, so concatenations cannot collide). That order is then replayed ({@link #replay}) into
 * a writer of the request's own format, so the canonical bytes are a valid request.
 *
 * <p>proto3 makes "absent" and "zero" the same value for fields without presence, so such a field
 * holding its zero (or an empty repeated/map field) is left out, as if absent; a repeated scalar
 * field id keeps its last value, as protobuf merges it.
 *
 * <p>Design note, allocation: the canonical bytes of a struct, list, set or map are the
 * concatenation of its parts' bytes, so computing them eagerly copied every nested value once per
 * level. They are needed only to order set elements and map entries (and the canonical order of
 * struct fields is by id, known from the plan), so composite values compute them on first use; a
 * request without sets or maps of structs allocates one small array per scalar and the output.
 *
 * <p>Not thread-safe; one value at a time.
 */
final class CanonicalSink implements ValueSink {
  private static final Comparator<Val> BY_CANON = (a, b) -> Arrays.compareUnsigned(a.canon(), b.canon());

  /**
   * One value, with its canonical bytes (given for scalars, computed on demand for the rest), and for
   * structs and containers its parts in canonical order so that it can be replayed into a writer of
   * any format.
   */
  static final class Val {
    /** 0 for a scalar (decoded from {@code canon} on replay), else S, L, T (set) or M. */
    final char kind;
    final Val[] parts;
    /** For a struct, the field index of each part. */
    final int[] fields;
    /** For a struct, the field id of each part. */
    final int[] ids;
    private byte[] canon;

    Val(byte[] scalar) {
      this.kind = 0;
      this.canon = scalar;
      this.parts = null;
      this.fields = null;
      this.ids = null;
    }

    Val(char kind, Val[] parts, int[] fields, int[] ids) {
      this.kind = kind;
      this.parts = parts;
      this.fields = fields;
      this.ids = ids;
    }

    byte[] canon() {
      if (canon == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        appendTo(out);
        canon = out.toByteArray();
      }
      return canon;
    }

    private void appendTo(ByteArrayOutputStream out) {
      if (canon != null) {
        out.writeBytes(canon);
        return;
      }
      switch (kind) {
        case 'S' -> {
          out.write('S');
          for (int i = 0; i < parts.length; i++) {
            writeInt(out, ids[i]);
            parts[i].appendTo(out);
          }
          out.write('E');
        }
        case 'M' -> {
          out.write('M');
          writeInt(out, parts.length / 2);
          for (Val p : parts) p.appendTo(out);
        }
        default -> {
          out.write('L');
          writeInt(out, parts.length);
          for (Val p : parts) p.appendTo(out);
        }
      }
    }
  }

  private static final class Frame {
    final char kind; // S, L, T (set), M
    final StructPlan struct;
    final TypePlan type; // container type
    final List<Val> parts = new ArrayList<>();
    final List<Integer> ids = new ArrayList<>();
    int field = -1;

    Frame(char kind, StructPlan struct, TypePlan type) {
      this.kind = kind;
      this.struct = struct;
      this.type = type;
    }
  }

  private final StructPlan root;
  private final ArrayList<Frame> stack = new ArrayList<>();
  private Val result;

  CanonicalSink(StructPlan root) {
    this.root = root;
  }

  /** The root value, once its {@code endStruct} has been received. */
  Val result() {
    return result;
  }

  /** Drives {@code out} with {@code v}'s events in canonical order. */
  static void replay(Val v, ValueSink out) {
    byte[] c = v.canon;
    switch (v.kind) {
      case 'S' -> {
        out.startStruct();
        for (int i = 0; i < v.parts.length; i++) {
          out.field(v.fields[i]);
          replay(v.parts[i], out);
        }
        out.endStruct();
      }
      case 'L', 'T' -> {
        if (v.kind == 'L') out.startList(v.parts.length);
        else out.startSet(v.parts.length);
        for (Val p : v.parts) replay(p, out);
        if (v.kind == 'L') out.endList();
        else out.endSet();
      }
      case 'M' -> {
        out.startMap(v.parts.length / 2);
        for (Val p : v.parts) replay(p, out);
        out.endMap();
      }
      default -> {
        switch (c[0]) {
          case 'B' -> out.boolValue(c[1] != 0);
          case 'I' -> out.longValue(readLong(c));
          case 'D' -> out.doubleValue(Double.longBitsToDouble(readLong(c)));
          case 'N' -> out.enumValue((int) readLong(c));
          case 'U' -> out.stringValue(c, 5, c.length - 5);
          case 'Y' -> out.binaryValue(c, 5, c.length - 5);
          case 'G' -> out.uuidValue(readLong(c), readLong(Arrays.copyOfRange(c, 8, 17)));
          default -> throw new IllegalStateException("unknown canonical tag " + c[0]);
        }
      }
    }
  }

  private static long readLong(byte[] c) {
    long v = 0;
    for (int i = 1; i < 9; i++) v = (v << 8) | (c[i] & 0xFF);
    return v;
  }

  private Frame top() {
    return stack.get(stack.size() - 1);
  }

  /** The type of the value that starts now. */
  private TypePlan expected() {
    Frame f = top();
    return switch (f.kind) {
      case 'S' -> f.struct.field(f.field).type();
      case 'M' -> (f.parts.size() & 1) == 0 ? f.type.key() : f.type.element();
      default -> f.type.element();
    };
  }

  private void emit(byte[] value) {
    emit(new Val(value));
  }

  private void emit(Val value) {
    if (stack.isEmpty()) {
      result = value;
      return;
    }
    Frame f = top();
    if (f.kind == 'S') f.ids.add(f.field);
    f.parts.add(value);
  }

  @Override
  public void startStruct() {
    StructPlan plan = stack.isEmpty() ? root : expected().struct();
    stack.add(new Frame('S', plan, null));
  }

  @Override
  public void field(int fieldIndex) {
    top().field = fieldIndex;
  }

  @Override
  public void endStruct() {
    Frame f = stack.remove(stack.size() - 1);
    int n = f.parts.size();
    // Last value per field wins (protobuf merging of a repeated scalar field); then id order.
    Val[] byIndex = new Val[f.struct.fieldCount()];
    for (int i = 0; i < n; i++) byIndex[f.ids.get(i)] = f.parts.get(i);
    int kept = 0;
    for (int i : f.struct.indexesInIdOrder()) {
      Val v = byIndex[i];
      if (v != null && !isImplicitZero(f.struct, f.struct.field(i), v)) kept++;
    }
    Val[] parts = new Val[kept];
    int[] fields = new int[kept];
    int[] ids = new int[kept];
    int k = 0;
    for (int i : f.struct.indexesInIdOrder()) {
      Val v = byIndex[i];
      if (v == null || isImplicitZero(f.struct, f.struct.field(i), v)) continue;
      parts[k] = v;
      fields[k] = i;
      ids[k] = f.struct.field(i).id();
      k++;
    }
    emit(new Val('S', parts, fields, ids));
  }

  private static boolean isImplicitZero(StructPlan s, FieldPlan f, Val v) {
    if (s.idl() != IdlKind.PROTO || f.def().hasPresence() || f.def().oneofIndex() >= 0) return false;
    TypeKind k = f.type().kind();
    if (k == TypeKind.LIST || k == TypeKind.SET || k == TypeKind.MAP) return v.parts != null && v.parts.length == 0;
    if (!f.hasImplicitPresence() || v.kind != 0) return false;
    byte[] c = v.canon;
    for (int i = 1; i < c.length; i++) if (c[i] != 0) return false;
    return true;
  }

  @Override
  public void startList(int size) {
    stack.add(new Frame('L', null, expected()));
  }

  @Override
  public void endList() {
    endCollection(false);
  }

  @Override
  public void startSet(int size) {
    stack.add(new Frame('T', null, expected()));
  }

  @Override
  public void endSet() {
    endCollection(true);
  }

  private void endCollection(boolean sorted) {
    Frame f = stack.remove(stack.size() - 1);
    List<Val> parts = f.parts;
    if (sorted) parts.sort(BY_CANON);
    emit(new Val(sorted ? 'T' : 'L', parts.toArray(new Val[0]), null, null));
  }

  @Override
  public void startMap(int size) {
    stack.add(new Frame('M', null, expected()));
  }

  @Override
  public void endMap() {
    Frame f = stack.remove(stack.size() - 1);
    int entries = f.parts.size() / 2;
    Val[][] pairs = new Val[entries][];
    for (int i = 0; i < entries; i++) pairs[i] = new Val[] {f.parts.get(2 * i), f.parts.get(2 * i + 1)};
    Arrays.sort(pairs, (a, b) -> BY_CANON.compare(a[0], b[0]));
    Val[] flat = new Val[entries * 2];
    for (int i = 0; i < entries; i++) {
      flat[2 * i] = pairs[i][0];
      flat[2 * i + 1] = pairs[i][1];
    }
    emit(new Val('M', flat, null, null));
  }

  @Override
  public void boolValue(boolean value) {
    emit(new byte[] {'B', (byte) (value ? 1 : 0)});
  }

  @Override
  public void longValue(long value) {
    emit(fixed('I', value));
  }

  @Override
  public void doubleValue(double value) {
    // Bits, not ==: -0.0 and 0.0 are different values to a backend; every NaN is one NaN.
    emit(fixed('D', Double.doubleToLongBits(value)));
  }

  @Override
  public void stringValue(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    stringValue(utf8, 0, utf8.length);
  }

  @Override
  public void stringValue(byte[] utf8, int offset, int length) {
    emit(lengthPrefixed('U', utf8, offset, length));
  }

  @Override
  public void binaryValue(byte[] bytes, int offset, int length) {
    emit(lengthPrefixed('Y', bytes, offset, length));
  }

  @Override
  public void uuidValue(long mostSignificantBits, long leastSignificantBits) {
    byte[] b = new byte[17];
    b[0] = 'G';
    for (int i = 0; i < 8; i++) {
      b[1 + i] = (byte) (mostSignificantBits >>> (56 - 8 * i));
      b[9 + i] = (byte) (leastSignificantBits >>> (56 - 8 * i));
    }
    emit(b);
  }

  @Override
  public void enumValue(int number) {
    emit(fixed('N', number));
  }

  private static byte[] fixed(char tag, long value) {
    byte[] b = new byte[9];
    b[0] = (byte) tag;
    for (int i = 0; i < 8; i++) b[1 + i] = (byte) (value >>> (56 - 8 * i));
    return b;
  }

  private static byte[] lengthPrefixed(char tag, byte[] bytes, int offset, int length) {
    byte[] b = new byte[5 + length];
    b[0] = (byte) tag;
    b[1] = (byte) (length >>> 24);
    b[2] = (byte) (length >>> 16);
    b[3] = (byte) (length >>> 8);
    b[4] = (byte) length;
    System.arraycopy(bytes, offset, b, 5, length);
    return b;
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }
}
