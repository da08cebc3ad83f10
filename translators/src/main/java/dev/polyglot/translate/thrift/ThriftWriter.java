package dev.polyglot.translate.thrift;

import dev.polyglot.translate.event.FieldPlan;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.event.TypeKind;
import dev.polyglot.translate.event.TypePlan;
import dev.polyglot.translate.event.Utf8;
import dev.polyglot.translate.event.ValueWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;

/**
 * Writes a Thrift struct body in TBinaryProtocol (strict) or TCompactProtocol through libthrift's
 * protocol classes, into a buffer it owns.
 *
 * <p>Design note: Thrift puts a container's count in front of its elements. When the source gives
 * the count ({@code size >= 0}) the header is written at once; when it cannot (a JSON source), the
 * elements are written first and the header, encoded by libthrift at the end of the buffer, is then
 * moved in front of them. Narrowing is range-checked here: an i8 field receiving 300 is an error.
 *
 * <p>Not thread-safe; reusable through {@link #reset(StructPlan)}.
 */
public final class ThriftWriter implements ValueWriter {
  private static final TStruct ANONYMOUS = new TStruct("");
  private static final byte STRUCT = 0;
  private static final byte LIST = 1;
  private static final byte SET = 2;
  private static final byte MAP = 3;

  private final boolean compact;
  private final GrowableOutputTransport out;
  private final TProtocol protocol;
  private StructPlan root;

  private int top = -1;
  private byte[] kinds = new byte[16];
  private StructPlan[] structs = new StructPlan[16];
  private FieldPlan[] fields = new FieldPlan[16];
  private TypePlan[] elements = new TypePlan[16];
  private TypePlan[] keys = new TypePlan[16];
  private int[] counts = new int[16];
  private int[] declared = new int[16];
  private int[] marks = new int[16];
  private long[] seen = new long[16];

  private ThriftWriter(boolean compact) {
    this.compact = compact;
    this.out = new GrowableOutputTransport(256);
    this.protocol = compact ? new TCompactProtocol(out) : new TBinaryProtocol(out, false, true);
  }

  public static ThriftWriter binary() {
    return new ThriftWriter(false);
  }

  public static ThriftWriter compact() {
    return new ThriftWriter(true);
  }

  @Override
  public void reset(StructPlan rootPlan) {
    root = rootPlan;
    top = -1;
    out.reset();
    if (compact) ((TCompactProtocol) protocol).reset();
  }

  /**
   * Writes a message header before the struct (call after {@link #reset(StructPlan)}, before
   * {@link #startStruct()}); binary headers are strict (versioned), as libthrift writes by default.
   */
  public void beginMessage(TMessage message) {
    try {
      protocol.writeMessageBegin(message);
    } catch (TException e) {
      throw impossible(e);
    }
  }

  /** Ends a message begun with {@link #beginMessage} (after the root struct's end). */
  public void endMessage() {
    try {
      protocol.writeMessageEnd();
    } catch (TException e) {
      throw impossible(e);
    }
  }

  @Override
  public byte[] toByteArray() {
    return out.toByteArray();
  }

  @Override
  public byte[] buffer() {
    return out.buffer();
  }

  @Override
  public int size() {
    return out.size();
  }

  // ---- structure ----

  @Override
  public void startStruct() {
    StructPlan plan;
    if (top < 0) {
      if (root == null) throw new IllegalStateException("reset(root) must be called before writing");
      plan = root;
    } else {
      TypePlan t = next();
      if (t.kind() != TypeKind.STRUCT) throw mismatch("a struct", t);
      plan = t.struct();
    }
    try {
      protocol.writeStructBegin(ANONYMOUS);
    } catch (TException e) {
      throw impossible(e);
    }
    push(STRUCT, null, null, -1);
    structs[top] = plan;
    fields[top] = null;
    seen[top] = 0;
  }

  @Override
  public void field(int fieldIndex) {
    FieldPlan f = structs[top].field(fieldIndex);
    fields[top] = f;
    if (fieldIndex < 64) seen[top] |= 1L << fieldIndex;
    try {
      protocol.writeFieldBegin(f.thriftField());
    } catch (TException e) {
      throw impossible(e);
    }
  }

  @Override
  public void endStruct() {
    // A Thrift peer rejects a struct without its required fields, so a source that cannot
    // enforce them (JSON) is stopped here.
    StructPlan plan = structs[top];
    long required = plan.requiredMask();
    if ((seen[top] & required) != required) throw plan.missingRequired(seen[top]);
    if (plan.isUnion() && Long.bitCount(seen[top]) > 1) {
      throw TranscodeException.of("union " + plan.qualifiedName() + " has " + Long.bitCount(seen[top]) + " fields set (expected: at most one)");
    }
    try {
      protocol.writeFieldStop();
      protocol.writeStructEnd();
    } catch (TException e) {
      throw impossible(e);
    }
    top--;
    done();
  }

  @Override
  public void startList(int size) {
    startCollection(LIST, size);
  }

  @Override
  public void startSet(int size) {
    startCollection(SET, size);
  }

  private void startCollection(byte kind, int size) {
    TypePlan t = next();
    if (t.kind() != (kind == LIST ? TypeKind.LIST : TypeKind.SET)) throw mismatch(kind == LIST ? "a list" : "a set", t);
    TypePlan element = t.element();
    push(kind, element, null, size);
    if (size >= 0) writeCollectionHeader(kind, element.thriftType(), size);
  }

  private void writeCollectionHeader(byte kind, byte elementType, int size) {
    try {
      if (kind == LIST) protocol.writeListBegin(new TList(elementType, size));
      else protocol.writeSetBegin(new TSet(elementType, size));
    } catch (TException e) {
      throw impossible(e);
    }
  }

  @Override
  public void endList() {
    endCollection();
  }

  @Override
  public void endSet() {
    endCollection();
  }

  private void endCollection() {
    int n = counts[top];
    if (declared[top] < 0) {
      int bodyEnd = out.size();
      writeCollectionHeader(kinds[top], elements[top].thriftType(), n);
      out.moveTailTo(marks[top], bodyEnd);
    } else if (declared[top] != n) {
      throw new IllegalStateException("container declared " + declared[top] + " elements but received " + n);
    }
    top--;
    done();
  }

  @Override
  public void startMap(int size) {
    TypePlan t = next();
    if (t.kind() != TypeKind.MAP) throw mismatch("a map", t);
    push(MAP, t.element(), t.key(), size);
    if (size >= 0) writeMapHeader(t.key().thriftType(), t.element().thriftType(), size);
  }

  private void writeMapHeader(byte keyType, byte valueType, int size) {
    try {
      protocol.writeMapBegin(new TMap(keyType, valueType, size));
    } catch (TException e) {
      throw impossible(e);
    }
  }

  @Override
  public void endMap() {
    int n = counts[top] >>> 1;
    if (declared[top] < 0) {
      int bodyEnd = out.size();
      writeMapHeader(keys[top].thriftType(), elements[top].thriftType(), n);
      out.moveTailTo(marks[top], bodyEnd);
    } else if (declared[top] != n) {
      throw new IllegalStateException("map declared " + declared[top] + " entries but received " + n);
    }
    top--;
    done();
  }

  // ---- scalars ----

  @Override
  public void boolValue(boolean value) {
    TypePlan t = next();
    if (t.kind() != TypeKind.BOOL) throw mismatch("a bool", t);
    try {
      protocol.writeBool(value);
    } catch (TException e) {
      throw impossible(e);
    }
    done();
  }

  @Override
  public void longValue(long value) {
    TypePlan t = next();
    if (t.kind() != TypeKind.INTEGER && t.kind() != TypeKind.ENUM) throw mismatch("an integer", t);
    writeInteger(t, value);
  }

  @Override
  public void enumValue(int number) {
    TypePlan t = next();
    if (t.kind() != TypeKind.INTEGER && t.kind() != TypeKind.ENUM) throw mismatch("an enum value", t);
    writeInteger(t, number);
  }

  private void writeInteger(TypePlan t, long value) {
    t.checkRange(value);
    if (t.kind() == TypeKind.ENUM) t.enumPlan().checkKnown((int) value);
    try {
      switch (t.thriftType()) {
        case org.apache.thrift.protocol.TType.BYTE:
          protocol.writeByte((byte) value);
          break;
        case org.apache.thrift.protocol.TType.I16:
          protocol.writeI16((short) value);
          break;
        case org.apache.thrift.protocol.TType.I32:
          protocol.writeI32((int) value);
          break;
        default:
          protocol.writeI64(value);
      }
    } catch (TException e) {
      throw impossible(e);
    }
    done();
  }

  @Override
  public void doubleValue(double value) {
    TypePlan t = next();
    if (t.kind() != TypeKind.FLOATING) throw mismatch("a floating-point number", t);
    try {
      protocol.writeDouble(value);
    } catch (TException e) {
      throw impossible(e);
    }
    done();
  }

  @Override
  public void stringValue(String value) {
    TypePlan t = next();
    if (t.kind() != TypeKind.STRING) throw mismatch("a string", t);
    Utf8.checkWellFormed(value);
    try {
      protocol.writeString(value);
    } catch (TException e) {
      throw impossible(e);
    }
    done();
  }

  @Override
  public void stringValue(byte[] utf8, int offset, int length) {
    TypePlan t = next();
    if (t.kind() != TypeKind.STRING) throw mismatch("a string", t);
    writeBytes(utf8, offset, length);
  }

  @Override
  public void binaryValue(byte[] bytes, int offset, int length) {
    TypePlan t = next();
    if (t.kind() != TypeKind.BINARY) throw mismatch("binary data", t);
    writeBytes(bytes, offset, length);
  }

  private void writeBytes(byte[] bytes, int offset, int length) {
    try {
      if (compact) {
        protocol.writeBinary(ByteBuffer.wrap(bytes, offset, length));
      } else {
        // What TBinaryProtocol.writeBinary writes, without wrapping the range in a ByteBuffer.
        protocol.writeI32(length);
        out.write(bytes, offset, length);
      }
    } catch (TException e) {
      throw impossible(e);
    }
    done();
  }

  @Override
  public void uuidValue(long mostSignificantBits, long leastSignificantBits) {
    TypePlan t = next();
    if (t.kind() != TypeKind.UUID) throw mismatch("a uuid", t);
    try {
      protocol.writeUuid(new UUID(mostSignificantBits, leastSignificantBits));
    } catch (TException e) {
      throw impossible(e);
    }
    done();
  }

  // ---- frames ----

  /** The type of the value about to be written. */
  private TypePlan next() {
    if (top < 0) throw new IllegalStateException("the root value must be a struct");
    switch (kinds[top]) {
      case STRUCT:
        {
          FieldPlan f = fields[top];
          if (f == null) throw new IllegalStateException("a value inside a struct must follow field(index)");
          return f.type();
        }
      case MAP:
        return (counts[top] & 1) == 0 ? keys[top] : elements[top];
      default:
        return elements[top];
    }
  }

  /** One value is complete. */
  private void done() {
    if (top >= 0) {
      if (kinds[top] == STRUCT) fields[top] = null;
      else counts[top]++;
    }
  }

  private void push(byte kind, TypePlan element, TypePlan key, int size) {
    if (++top == kinds.length) grow();
    kinds[top] = kind;
    elements[top] = element;
    keys[top] = key;
    counts[top] = 0;
    declared[top] = size;
    marks[top] = out.size();
  }

  private void grow() {
    int n = kinds.length * 2;
    kinds = Arrays.copyOf(kinds, n);
    structs = Arrays.copyOf(structs, n);
    fields = Arrays.copyOf(fields, n);
    elements = Arrays.copyOf(elements, n);
    keys = Arrays.copyOf(keys, n);
    counts = Arrays.copyOf(counts, n);
    declared = Arrays.copyOf(declared, n);
    marks = Arrays.copyOf(marks, n);
    seen = Arrays.copyOf(seen, n);
  }

  static TranscodeException mismatch(String got, TypePlan t) {
    return TranscodeException.of("got " + got + " (expected: " + TypePlanText.describe(t) + ")");
  }

  private static IllegalStateException impossible(TException e) {
    return new IllegalStateException("writing to memory failed", e);
  }
}
