package dev.polyglot.translate.protobuf;

import com.google.protobuf.CodedOutputStream;
import dev.polyglot.idl.Scalar;
import dev.polyglot.translate.event.FieldPlan;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.event.TypeKind;
import dev.polyglot.translate.event.TypePlan;
import dev.polyglot.translate.event.Utf8;
import dev.polyglot.translate.event.ValueWriter;
import java.io.IOException;
import java.util.Arrays;

/**
 * Writes one protobuf message with protobuf-java's {@link CodedOutputStream} into a buffer it owns.
 * Output is canonical as protobuf-java writes it for the same field order: repeated scalars packed
 * per {@link FieldPlan#isPacked()}, proto3 implicit-presence defaults omitted, map entries as
 * key-then-value messages.
 *
 * <p>Design note: a nested message, a packed run and a map entry are length-prefixed, and no source
 * can tell the length up front. The writer reserves one byte for the length, writes the body, and on
 * closing stores the length there; when the length needs more than one varint byte (127+ bytes) the
 * body is shifted right to make room. Small messages, the common case, are never moved. Narrowing
 * (e.g. an i64 value into an int32 field) is range-checked.
 *
 * <p>Not thread-safe; reusable through {@link #reset(StructPlan)}.
 */
public final class ProtobufWriter implements ValueWriter {
  private static final byte STRUCT = 0;
  private static final byte LIST = 1;
  private static final byte MAP = 2;

  private byte[] buf = new byte[256];
  private CodedOutputStream cos;
  private int cosBase;
  private StructPlan root;

  private int top = -1;
  private byte[] kinds = new byte[16];
  private StructPlan[] structs = new StructPlan[16];
  private FieldPlan[] fields = new FieldPlan[16]; // STRUCT: current field; LIST/MAP: the owning field
  private TypePlan[] elements = new TypePlan[16];
  private TypePlan[] keys = new TypePlan[16];
  private int[] counts = new int[16];
  private int[] marks = new int[16]; // length placeholder of the message/packed run, or -1
  private int[] entryMarks = new int[16];
  private long[] oneofsSeen = new long[16];

  private ProtobufWriter() {}

  public static ProtobufWriter create() {
    return new ProtobufWriter();
  }

  @Override
  public void reset(StructPlan rootPlan) {
    root = rootPlan;
    top = -1;
    cosBase = 0;
    cos = CodedOutputStream.newInstance(buf);
  }

  private int pos() {
    return cosBase + cos.getTotalBytesWritten();
  }

  @Override
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos());
  }

  @Override
  public byte[] buffer() {
    return buf;
  }

  @Override
  public int size() {
    return pos();
  }

  // ---- structure ----

  @Override
  public void startStruct() {
    StructPlan plan;
    int mark = -1;
    if (top < 0) {
      if (root == null) throw new IllegalStateException("reset(root) must be called before writing");
      plan = root;
    } else {
      TypePlan t = begin();
      if (t.kind() != TypeKind.STRUCT) throw mismatch("a message", t);
      plan = t.struct();
      mark = reserve();
    }
    push(STRUCT, null, null, null, mark);
    structs[top] = plan;
    oneofsSeen[top] = 0;
  }

  @Override
  public void field(int fieldIndex) {
    FieldPlan f = structs[top].field(fieldIndex);
    fields[top] = f;
    int oneof = f.def().oneofIndex();
    if (oneof >= 0 && oneof < 64) {
      // Protobuf would keep the last member silently; a source offering two is refused instead.
      if ((oneofsSeen[top] & (1L << oneof)) != 0) {
        throw TranscodeException.of(
            "oneof " + structs[top].def().oneofs().get(oneof).name() + " has more than one member set (expected: at most one)");
      }
      oneofsSeen[top] |= 1L << oneof;
    }
  }

  @Override
  public void endStruct() {
    int mark = marks[top];
    if (mark >= 0) closeLength(mark);
    top--;
    done();
  }

  @Override
  public void startList(int size) {
    startRepeated(TypeKind.LIST);
  }

  @Override
  public void startSet(int size) {
    startRepeated(TypeKind.SET);
  }

  private void startRepeated(TypeKind kind) {
    FieldPlan f = owningField();
    TypePlan t = f.type();
    if (t.kind() != kind) throw mismatch(kind == TypeKind.LIST ? "a list" : "a set", t);
    push(LIST, f, t.element(), null, -1);
  }

  @Override
  public void endList() {
    endRepeated();
  }

  @Override
  public void endSet() {
    endRepeated();
  }

  private void endRepeated() {
    int mark = marks[top];
    if (mark >= 0) closeLength(mark);
    top--;
    fields[top] = null;
  }

  @Override
  public void startMap(int size) {
    FieldPlan f = owningField();
    TypePlan t = f.type();
    if (t.kind() != TypeKind.MAP) throw mismatch("a map", t);
    push(MAP, f, t.element(), t.key(), -1);
  }

  @Override
  public void endMap() {
    top--;
    fields[top] = null;
  }

  /** A container must be a field's value: protobuf has no nested containers. */
  private FieldPlan owningField() {
    if (top < 0 || kinds[top] != STRUCT) {
      TypePlan outer = top < 0 ? null : kinds[top] == MAP ? ((counts[top] & 1) == 0 ? keys[top] : elements[top]) : elements[top];
      throw TranscodeException.of(
          (outer == null ? "a container" : outer.display()) + " inside a list or map has no protobuf encoding (expected: a message wrapping it)");
    }
    FieldPlan f = fields[top];
    if (f == null) throw new IllegalStateException("a value inside a struct must follow field(index)");
    return f;
  }

  // ---- scalars ----

  /** Whether the current field omits this value (proto3 implicit presence, default value). */
  private boolean omitted(boolean isDefault) {
    if (isDefault && kinds[top] == STRUCT) {
      FieldPlan f = fields[top];
      if (f != null && f.hasImplicitPresence()) {
        fields[top] = null;
        return true;
      }
    }
    return false;
  }

  @Override
  public void boolValue(boolean value) {
    if (omitted(!value)) return;
    TypePlan t = begin();
    if (t.kind() != TypeKind.BOOL) throw mismatch("a bool", t);
    try {
      cos.writeBoolNoTag(value);
    } catch (IOException e) {
      throw impossible(e);
    }
    done();
  }

  @Override
  public void longValue(long value) {
    if (omitted(value == 0)) return;
    TypePlan t = begin();
    writeInteger(t, value);
  }

  @Override
  public void enumValue(int number) {
    if (omitted(number == 0)) return;
    TypePlan t = begin();
    writeInteger(t, number);
  }

  private void writeInteger(TypePlan t, long v) {
    if (t.kind() != TypeKind.INTEGER && t.kind() != TypeKind.ENUM) throw mismatch("an integer", t);
    t.checkRange(v);
    if (t.kind() == TypeKind.ENUM) t.enumPlan().checkKnown((int) v);
    try {
      if (t.kind() == TypeKind.ENUM) {
        cos.writeEnumNoTag((int) v);
      } else {
        switch (t.scalar()) {
          case SINT32:
            cos.writeSInt32NoTag((int) v);
            break;
          case SFIXED32:
            cos.writeSFixed32NoTag((int) v);
            break;
          case UINT32:
            cos.writeUInt32NoTag((int) v);
            break;
          case FIXED32:
            cos.writeFixed32NoTag((int) v);
            break;
          case SINT64:
            cos.writeSInt64NoTag(v);
            break;
          case SFIXED64:
          case FIXED64:
            cos.writeSFixed64NoTag(v);
            break;
          case UINT64:
            cos.writeUInt64NoTag(v);
            break;
          case INT64:
          case I64:
            cos.writeInt64NoTag(v);
            break;
          default: // int32 and the Thrift i8/i16/i32
            cos.writeInt32NoTag((int) v);
        }
      }
    } catch (IOException e) {
      throw impossible(e);
    }
    done();
  }

  @Override
  public void doubleValue(double value) {
    if (omitted(Double.doubleToRawLongBits(value) == 0)) return;
    TypePlan t = begin();
    if (t.kind() != TypeKind.FLOATING) throw mismatch("a floating-point number", t);
    if (t.scalar() == Scalar.FLOAT) {
      float f = (float) value;
      if (Float.isInfinite(f) && !Double.isInfinite(value)) {
        throw TranscodeException.of(value + " is out of range (expected: a float between -3.4028235E38 and 3.4028235E38)");
      }
      try {
      cos.writeFloatNoTag(f);
    } catch (IOException e) {
      throw impossible(e);
    }
    } else {
      try {
      cos.writeDoubleNoTag(value);
    } catch (IOException e) {
      throw impossible(e);
    }
    }
    done();
  }

  @Override
  public void stringValue(String value) {
    if (omitted(value.isEmpty())) return;
    TypePlan t = begin();
    if (t.kind() != TypeKind.STRING) throw mismatch("a string", t);
    Utf8.checkWellFormed(value);
    need(5 + 3 * value.length());
    try {
      cos.writeStringNoTag(value);
    } catch (IOException e) {
      throw impossible(e);
    }
    done();
  }

  @Override
  public void stringValue(byte[] utf8, int offset, int length) {
    if (omitted(length == 0)) return;
    TypePlan t = begin();
    if (t.kind() != TypeKind.STRING) throw mismatch("a string", t);
    writeBytes(utf8, offset, length);
  }

  @Override
  public void binaryValue(byte[] bytes, int offset, int length) {
    if (omitted(length == 0)) return;
    TypePlan t = begin();
    if (t.kind() != TypeKind.BINARY) throw mismatch("binary data", t);
    writeBytes(bytes, offset, length);
  }

  private void writeBytes(byte[] bytes, int offset, int length) {
    need(5 + length);
    try {
      cos.writeUInt32NoTag(length);
      cos.writeRawBytes(bytes, offset, length);
    } catch (IOException e) {
      throw impossible(e);
    }
    done();
  }

  @Override
  public void uuidValue(long mostSignificantBits, long leastSignificantBits) {
    TypePlan t = begin();
    if (t.kind() != TypeKind.UUID) throw mismatch("a uuid", t);
    try {
      cos.writeUInt32NoTag(16);
      for (int i = 56; i >= 0; i -= 8) cos.write((byte) (mostSignificantBits >>> i));
      for (int i = 56; i >= 0; i -= 8) cos.write((byte) (leastSignificantBits >>> i));
    } catch (IOException e) {
      throw impossible(e);
    }
    done();
  }

  // ---- frames, tags and lengths ----

  /**
   * Writes what precedes the next value (its tag; a packed run's or a map entry's header) and
   * returns the value's type.
   */
  private TypePlan begin() {
    need(32);
    try {
      switch (kinds[top]) {
        case STRUCT:
          {
            FieldPlan f = fields[top];
            if (f == null) throw new IllegalStateException("a value inside a struct must follow field(index)");
            cos.writeUInt32NoTag(f.protoTag());
            return f.type();
          }
        case LIST:
          {
            FieldPlan f = fields[top];
            if (f.isPacked()) {
              if (counts[top] == 0) {
                cos.writeUInt32NoTag(f.protoPackedTag());
                marks[top] = reserve();
              }
            } else {
              cos.writeUInt32NoTag(f.protoTag());
            }
            return elements[top];
          }
        default:
          {
            if ((counts[top] & 1) == 0) {
              cos.writeUInt32NoTag(fields[top].protoTag());
              entryMarks[top] = reserve();
              TypePlan key = keys[top];
              if (key.kind() == TypeKind.STRUCT) {
                throw TranscodeException.of("map keys of type " + key.display() + " have no protobuf encoding (expected: a string, integer or bool key)");
              }
              cos.writeUInt32NoTag((1 << 3) | key.protoWireType());
              return key;
            }
            TypePlan value = elements[top];
            cos.writeUInt32NoTag((2 << 3) | value.protoWireType());
            return value;
          }
      }
    } catch (IOException e) {
      throw impossible(e);
    }
  }

  /** One value is complete. */
  private void done() {
    if (top < 0) return;
    switch (kinds[top]) {
      case STRUCT:
        fields[top] = null;
        return;
      case LIST:
        counts[top]++;
        return;
      default:
        if ((++counts[top] & 1) == 0) closeLength(entryMarks[top]);
    }
  }

  /** Reserves one byte for a length; returns its position. */
  private int reserve() {
    need(1);
    int mark = pos();
    try {
      cos.write((byte) 0);
    } catch (IOException e) {
      throw impossible(e);
    }
    return mark;
  }

  /** Stores the length of {@code [mark + 1, pos())} at {@code mark}, shifting the body if needed. */
  private void closeLength(int mark) {
    int end = pos();
    int len = end - mark - 1;
    if (len < 0x80) {
      buf[mark] = (byte) len; // a one-byte varint is the value itself
      return;
    }
    int k = CodedOutputStream.computeUInt32SizeNoTag(len);
    need(k - 1);
    System.arraycopy(buf, mark + 1, buf, mark + k, len);
    try {
      CodedOutputStream.newInstance(buf, mark, k).writeUInt32NoTag(len);
    } catch (IOException e) {
      throw impossible(e);
    }
    int newEnd = end + k - 1;
    cos = CodedOutputStream.newInstance(buf, newEnd, buf.length - newEnd);
    cosBase = newEnd;
  }

  /** Makes room for {@code more} bytes at the current position. */
  private void need(int more) {
    int p = pos();
    if (buf.length - p < more) {
      long wanted = Math.max((long) buf.length * 2, (long) p + more);
      if (wanted > Integer.MAX_VALUE - 8) throw new IllegalStateException("output exceeds 2 GiB");
      buf = Arrays.copyOf(buf, (int) wanted);
      cos = CodedOutputStream.newInstance(buf, p, buf.length - p);
      cosBase = p;
    }
  }

  private void push(byte kind, FieldPlan owner, TypePlan element, TypePlan key, int mark) {
    if (++top == kinds.length) grow();
    kinds[top] = kind;
    fields[top] = owner;
    elements[top] = element;
    keys[top] = key;
    counts[top] = 0;
    marks[top] = mark;
  }

  private void grow() {
    int n = kinds.length * 2;
    kinds = Arrays.copyOf(kinds, n);
    structs = Arrays.copyOf(structs, n);
    fields = Arrays.copyOf(fields, n);
    elements = Arrays.copyOf(elements, n);
    keys = Arrays.copyOf(keys, n);
    counts = Arrays.copyOf(counts, n);
    marks = Arrays.copyOf(marks, n);
    entryMarks = Arrays.copyOf(entryMarks, n);
    oneofsSeen = Arrays.copyOf(oneofsSeen, n);
  }

  private static TranscodeException mismatch(String got, TypePlan t) {
    return TranscodeException.of("got " + got + " (expected: " + ProtobufReader.describe(t) + ")");
  }

  private static IllegalStateException impossible(IOException e) {
    return new IllegalStateException("writing to memory failed", e);
  }
}
