package dev.polyglot.conformance.reference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * A Thrift value exactly as it travels, typed by its wire type only: what the test client writes by
 * hand and what it reads back without knowing the schema. Independent of the backend's schema-aware
 * codec on purpose, so that a mistake in one is not mirrored by the other. Values compare by content
 * (doubles bit-wise, so NaN equals NaN and -0.0 differs from 0.0; binary by bytes; structs by field id).
 */
sealed interface Wire {

  byte type();

  void write(TProtocol out) throws TException;

  record Bool(boolean value) implements Wire {
    public byte type() { return TType.BOOL; }
    public void write(TProtocol out) throws TException { out.writeBool(value); }
  }

  record I8(byte value) implements Wire {
    public byte type() { return TType.BYTE; }
    public void write(TProtocol out) throws TException { out.writeByte(value); }
  }

  record I16(short value) implements Wire {
    public byte type() { return TType.I16; }
    public void write(TProtocol out) throws TException { out.writeI16(value); }
  }

  record I32(int value) implements Wire {
    public byte type() { return TType.I32; }
    public void write(TProtocol out) throws TException { out.writeI32(value); }
  }

  record I64(long value) implements Wire {
    public byte type() { return TType.I64; }
    public void write(TProtocol out) throws TException { out.writeI64(value); }
  }

  record Dbl(double value) implements Wire {
    public byte type() { return TType.DOUBLE; }
    public void write(TProtocol out) throws TException { out.writeDouble(value); }
  }

  /** Strings and binary alike: bytes on the wire. */
  record Bin(ByteBuffer value) implements Wire {
    // Not read-only: TBinaryProtocol writes from the backing array. Nothing mutates it after construction.
    public byte type() { return TType.STRING; }
    public void write(TProtocol out) throws TException { out.writeBinary(value.duplicate()); }
    @Override
    public String toString() {
      return value.remaining() > 64 ? "Bin[" + value.remaining() + " bytes]"
          : "Bin[" + StandardCharsets.UTF_8.decode(value.duplicate()) + "]";
    }
  }

  record Uuid(UUID value) implements Wire {
    public byte type() { return TType.UUID; }
    public void write(TProtocol out) throws TException { out.writeUuid(value); }
  }

  record Lst(byte elementType, List<Wire> elements) implements Wire {
    public byte type() { return TType.LIST; }
    public void write(TProtocol out) throws TException {
      out.writeListBegin(new TList(elementType, elements.size()));
      for (Wire e : elements) {
        e.write(out);
      }
      out.writeListEnd();
    }
  }

  record St(byte elementType, List<Wire> elements) implements Wire {
    public byte type() { return TType.SET; }
    public void write(TProtocol out) throws TException {
      out.writeSetBegin(new TSet(elementType, elements.size()));
      for (Wire e : elements) {
        e.write(out);
      }
      out.writeSetEnd();
    }
  }

  record Entry(Wire key, Wire value) {}

  /**
   * Empty maps compare without key and value types: TCompactProtocol writes an empty map as its size
   * alone, so a reader cannot know them.
   */
  record Mp(byte keyType, byte valueType, List<Entry> entries) implements Wire {
    public Mp {
      entries = List.copyOf(entries);
      if (entries.isEmpty()) {
        keyType = TType.STOP;
        valueType = TType.STOP;
      }
    }
    public byte type() { return TType.MAP; }
    public void write(TProtocol out) throws TException {
      out.writeMapBegin(new TMap(keyType, valueType, entries.size()));
      for (Entry e : entries) {
        e.key().write(out);
        e.value().write(out);
      }
      out.writeMapEnd();
    }
  }

  /** Fields by id; written in id order. */
  record Struct(SortedMap<Short, Wire> fields) implements Wire {
    public Struct {
      fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }
    public byte type() { return TType.STRUCT; }
    public void write(TProtocol out) throws TException {
      out.writeStructBegin(new TStruct("args"));
      for (var f : fields.entrySet()) {
        out.writeFieldBegin(new TField("", f.getValue().type(), f.getKey()));
        f.getValue().write(out);
        out.writeFieldEnd();
      }
      out.writeFieldStop();
      out.writeStructEnd();
    }

    Wire field(int id) {
      return fields.get((short) id);
    }

    /** A copy with one more field (or a field replaced). */
    Struct with(int id, Wire value) {
      TreeMap<Short, Wire> copy = new TreeMap<>(fields);
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
  static Bin str(String v) { return new Bin(ByteBuffer.wrap(v.getBytes(StandardCharsets.UTF_8))); }
  static Bin bin(byte[] v) { return new Bin(ByteBuffer.wrap(v.clone())); }
  static Uuid uuid(String v) { return new Uuid(UUID.fromString(v)); }

  static Lst list(byte elementType, Wire... elements) { return new Lst(elementType, List.of(elements)); }
  static St set(byte elementType, Wire... elements) { return new St(elementType, List.of(elements)); }

  /** A map from alternating keys and values. */
  static Mp map(byte keyType, byte valueType, Wire... keysAndValues) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      entries.add(new Entry(keysAndValues[i], keysAndValues[i + 1]));
    }
    return new Mp(keyType, valueType, entries);
  }

  /** A struct from alternating field ids (Integer) and values (Wire). */
  static Struct struct(Object... idsAndValues) {
    TreeMap<Short, Wire> fields = new TreeMap<>();
    for (int i = 0; i < idsAndValues.length; i += 2) {
      fields.put(((Integer) idsAndValues[i]).shortValue(), (Wire) idsAndValues[i + 1]);
    }
    return new Struct(fields);
  }

  // ---- schema-less reading ----

  static Wire read(TProtocol in, byte type) throws TException {
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
        return new Bin(ByteBuffer.wrap(copy));
      }
      case TType.LIST: {
        TList h = in.readListBegin();
        List<Wire> elements = new ArrayList<>();
        for (int i = 0; i < h.size; i++) {
          elements.add(read(in, h.elemType));
        }
        in.readListEnd();
        return new Lst(h.elemType, elements);
      }
      case TType.SET: {
        TSet h = in.readSetBegin();
        List<Wire> elements = new ArrayList<>();
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
          Wire key = read(in, h.keyType);
          entries.add(new Entry(key, read(in, h.valueType)));
        }
        in.readMapEnd();
        return new Mp(h.keyType, h.valueType, entries);
      }
      case TType.STRUCT: {
        TreeMap<Short, Wire> fields = new TreeMap<>();
        in.readStructBegin();
        while (true) {
          TField f = in.readFieldBegin();
          if (f.type == TType.STOP) {
            break;
          }
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
