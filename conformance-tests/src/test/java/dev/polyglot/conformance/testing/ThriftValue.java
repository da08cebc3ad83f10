package dev.polyglot.conformance.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;

/**
 * A Thrift value exactly as it travels, known by its wire type only: what the tests' Thrift clients
 * and hand-built messages write with libthrift's protocol classes, and what they read back without a
 * schema.
 *
 * <p>Design note: this model is the tests' independent peer. It shares no code with the gateway's
 * codecs or the reference backend's schema-aware codec, so that a mistake in either is not mirrored
 * here; keep it on libthrift's {@link TProtocol} alone.
 *
 * <p>Values are immutable and compare by content: doubles by their raw bits (so NaN equals NaN and
 * {@code -0.0} differs from {@code 0.0}), binary by its bytes, structs by field id, and empty maps
 * without their key and value types, which TCompactProtocol does not carry.
 */
public sealed interface ThriftValue {

  /** The wire type, one of {@link TType}'s constants. */
  byte type();

  /** Writes this value (without a field header) to {@code out}. */
  void write(TProtocol out) throws TException;

  record Bool(boolean value) implements ThriftValue {
    @Override public byte type() { return TType.BOOL; }
    @Override public void write(TProtocol out) throws TException { out.writeBool(value); }
  }

  record I8(byte value) implements ThriftValue {
    @Override public byte type() { return TType.BYTE; }
    @Override public void write(TProtocol out) throws TException { out.writeByte(value); }
  }

  record I16(short value) implements ThriftValue {
    @Override public byte type() { return TType.I16; }
    @Override public void write(TProtocol out) throws TException { out.writeI16(value); }
  }

  record I32(int value) implements ThriftValue {
    @Override public byte type() { return TType.I32; }
    @Override public void write(TProtocol out) throws TException { out.writeI32(value); }
  }

  record I64(long value) implements ThriftValue {
    @Override public byte type() { return TType.I64; }
    @Override public void write(TProtocol out) throws TException { out.writeI64(value); }
  }

  /** Equal by raw bits: stricter than a record's own equality, which folds every NaN into one. */
  record Dbl(double value) implements ThriftValue {
    @Override public byte type() { return TType.DOUBLE; }
    @Override public void write(TProtocol out) throws TException { out.writeDouble(value); }

    @Override
    public boolean equals(Object o) {
      return o instanceof Dbl d && Double.doubleToRawLongBits(d.value) == Double.doubleToRawLongBits(value);
    }

    @Override
    public int hashCode() {
      return Double.hashCode(value);
    }
  }

  /**
   * Strings and binary alike: bytes on the wire. The array is owned by this value; {@link #bin} and
   * {@link #read} hand it a copy, and nothing writes to it afterwards.
   */
  record Bin(byte[] value) implements ThriftValue {
    @Override public byte type() { return TType.STRING; }
    @Override public void write(TProtocol out) throws TException { out.writeBinary(ByteBuffer.wrap(value)); }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bin b && Arrays.equals(b.value, value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return value.length > 64 ? "Bin[" + value.length + " bytes]"
          : "Bin[" + new String(value, StandardCharsets.UTF_8) + "]";
    }
  }

  record Uuid(UUID value) implements ThriftValue {
    @Override public byte type() { return TType.UUID; }
    @Override public void write(TProtocol out) throws TException { out.writeUuid(value); }
  }

  record Lst(byte elementType, List<ThriftValue> elements) implements ThriftValue {
    public Lst {
      elements = List.copyOf(elements);
    }

    @Override public byte type() { return TType.LIST; }

    @Override
    public void write(TProtocol out) throws TException {
      out.writeListBegin(new TList(elementType, elements.size()));
      for (ThriftValue e : elements) {
        e.write(out);
      }
      out.writeListEnd();
    }
  }

  record St(byte elementType, List<ThriftValue> elements) implements ThriftValue {
    public St {
      elements = List.copyOf(elements);
    }

    @Override public byte type() { return TType.SET; }

    @Override
    public void write(TProtocol out) throws TException {
      out.writeSetBegin(new TSet(elementType, elements.size()));
      for (ThriftValue e : elements) {
        e.write(out);
      }
      out.writeSetEnd();
    }
  }

  /** One map entry, in the order it travels. */
  record Entry(ThriftValue key, ThriftValue value) {}

  /**
   * Entries in the order they travel. An empty map forgets its key and value types: TCompactProtocol
   * writes an empty map as its size alone, so a reader cannot know them.
   */
  record Mp(byte keyType, byte valueType, List<Entry> entries) implements ThriftValue {
    public Mp {
      entries = List.copyOf(entries);
      if (entries.isEmpty()) {
        keyType = TType.STOP;
        valueType = TType.STOP;
      }
    }

    @Override public byte type() { return TType.MAP; }

    @Override
    public void write(TProtocol out) throws TException {
      out.writeMapBegin(new TMap(keyType, valueType, entries.size()));
      for (Entry e : entries) {
        e.key().write(out);
        e.value().write(out);
      }
      out.writeMapEnd();
    }
  }

  /** Fields by id, written in id order. */
  record Struct(SortedMap<Short, ThriftValue> fields) implements ThriftValue {
    public Struct {
      fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    @Override public byte type() { return TType.STRUCT; }

    @Override
    public void write(TProtocol out) throws TException {
      // The struct name never reaches the wire in the binary and compact protocols.
      out.writeStructBegin(new TStruct("struct"));
      for (var f : fields.entrySet()) {
        out.writeFieldBegin(new TField("", f.getValue().type(), f.getKey()));
        f.getValue().write(out);
        out.writeFieldEnd();
      }
      out.writeFieldStop();
      out.writeStructEnd();
    }

    /** The value of field {@code id}, or {@code null} if it is not set. */
    public ThriftValue field(int id) {
      return fields.get((short) id);
    }

    /** A copy with field {@code id} set to {@code value}, added or replaced. */
    public Struct with(int id, ThriftValue value) {
      TreeMap<Short, ThriftValue> copy = new TreeMap<>(fields);
      copy.put((short) id, value);
      return new Struct(copy);
    }
  }

  // ---- construction, for readable test tables ----

  static Bool bool(boolean v) { return new Bool(v); }
  static I8 i8(int v) { return new I8((byte) v); }
  static I16 i16(int v) { return new I16((short) v); }
  static I32 i32(int v) { return new I32(v); }
  static I64 i64(long v) { return new I64(v); }
  static Dbl dbl(double v) { return new Dbl(v); }
  static Bin str(String v) { return new Bin(v.getBytes(StandardCharsets.UTF_8)); }
  static Bin bin(byte[] v) { return new Bin(v.clone()); }
  static Uuid uuid(String v) { return new Uuid(UUID.fromString(v)); }
  static Lst list(byte elementType, ThriftValue... elements) { return new Lst(elementType, List.of(elements)); }
  static St set(byte elementType, ThriftValue... elements) { return new St(elementType, List.of(elements)); }

  /** A map from alternating keys and values. */
  static Mp map(byte keyType, byte valueType, ThriftValue... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keysAndValues: " + keysAndValues.length + " values (expected: pairs)");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      entries.add(new Entry(keysAndValues[i], keysAndValues[i + 1]));
    }
    return new Mp(keyType, valueType, entries);
  }

  /** A struct from alternating field ids ({@code Integer}) and values ({@code ThriftValue}). */
  static Struct struct(Object... idsAndValues) {
    TreeMap<Short, ThriftValue> fields = new TreeMap<>();
    for (int i = 0; i < idsAndValues.length; i += 2) {
      fields.put(((Integer) idsAndValues[i]).shortValue(), (ThriftValue) idsAndValues[i + 1]);
    }
    return new Struct(fields);
  }

  // ---- schema-less reading ----

  /** Reads one value of wire type {@code type} from {@code in}, knowing nothing of its schema. */
  static ThriftValue read(TProtocol in, byte type) throws TException {
    switch (type) {
      case TType.BOOL: return new Bool(in.readBool());
      case TType.BYTE: return new I8(in.readByte());
      case TType.I16: return new I16(in.readI16());
      case TType.I32: return new I32(in.readI32());
      case TType.I64: return new I64(in.readI64());
      case TType.DOUBLE: return new Dbl(in.readDouble());
      case TType.UUID: return new Uuid(in.readUuid());
      case TType.STRING: {
        ByteBuffer b = in.readBinary();
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        return new Bin(copy);
      }
      case TType.LIST: {
        TList h = in.readListBegin();
        List<ThriftValue> elements = new ArrayList<>();
        for (int i = 0; i < h.size; i++) {
          elements.add(read(in, h.elemType));
        }
        in.readListEnd();
        return new Lst(h.elemType, elements);
      }
      case TType.SET: {
        TSet h = in.readSetBegin();
        List<ThriftValue> elements = new ArrayList<>();
        for (int i = 0; i < h.size; i++) {
          elements.add(read(in, h.elemType));
        }
        in.readSetEnd();
        return new St(h.elemType, elements);
      }
      case TType.MAP: {
        TMap h = in.readMapBegin();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < h.size; i++) {
          ThriftValue key = read(in, h.keyType);
          entries.add(new Entry(key, read(in, h.valueType)));
        }
        in.readMapEnd();
        return new Mp(h.keyType, h.valueType, entries);
      }
      case TType.STRUCT: {
        TreeMap<Short, ThriftValue> fields = new TreeMap<>();
        in.readStructBegin();
        for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
          fields.put(f.id, read(in, f.type));
          in.readFieldEnd();
        }
        in.readStructEnd();
        return new Struct(fields);
      }
      default:
        throw new IllegalArgumentException("unexpected wire type " + type);
    }
  }
}
