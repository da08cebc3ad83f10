package dev.polyglot.conformance.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A Thrift value as it travels, known by its wire type only: what the e2e Thrift callers and
 * backends write by hand with libthrift's protocol classes and read back without a schema, so that
 * nothing here shares code with the gateway's codecs. Equal by content (doubles bit-wise; binary by
 * bytes; structs by field id; empty maps without their element types, which compact does not carry).
 */
sealed interface TValue {
  byte type();

  void write(TProtocol out) throws TException;

  record Bool(boolean v) implements TValue {
    public byte type() { return TType.BOOL; }
    public void write(TProtocol out) throws TException { out.writeBool(v); }
  }

  record I8(byte v) implements TValue {
    public byte type() { return TType.BYTE; }
    public void write(TProtocol out) throws TException { out.writeByte(v); }
  }

  record I16(short v) implements TValue {
    public byte type() { return TType.I16; }
    public void write(TProtocol out) throws TException { out.writeI16(v); }
  }

  record I32(int v) implements TValue {
    public byte type() { return TType.I32; }
    public void write(TProtocol out) throws TException { out.writeI32(v); }
  }

  record I64(long v) implements TValue {
    public byte type() { return TType.I64; }
    public void write(TProtocol out) throws TException { out.writeI64(v); }
  }

  record Dbl(double v) implements TValue {
    public byte type() { return TType.DOUBLE; }
    public void write(TProtocol out) throws TException { out.writeDouble(v); }
    @Override public boolean equals(Object o) {
      return o instanceof Dbl d && Double.doubleToRawLongBits(d.v) == Double.doubleToRawLongBits(v);
    }
    @Override public int hashCode() { return Double.hashCode(v); }
  }

  /** Strings and binary: bytes on the wire. */
  record Bin(byte[] v) implements TValue {
    public byte type() { return TType.STRING; }
    public void write(TProtocol out) throws TException { out.writeBinary(java.nio.ByteBuffer.wrap(v)); }
    @Override public boolean equals(Object o) { return o instanceof Bin b && Arrays.equals(b.v, v); }
    @Override public int hashCode() { return Arrays.hashCode(v); }
    @Override public String toString() {
      return v.length > 80 ? "Bin[" + v.length + " bytes]" : "Bin[" + new String(v, StandardCharsets.UTF_8) + "]";
    }
  }

  record Uuid(UUID v) implements TValue {
    public byte type() { return TType.UUID; }
    public void write(TProtocol out) throws TException { out.writeUuid(v); }
  }

  record Lst(byte elementType, List<TValue> elements) implements TValue {
    public byte type() { return TType.LIST; }
    public void write(TProtocol out) throws TException {
      out.writeListBegin(new TList(elementType, elements.size()));
      for (TValue e : elements) e.write(out);
      out.writeListEnd();
    }
  }

  record St(byte elementType, List<TValue> elements) implements TValue {
    public byte type() { return TType.SET; }
    public void write(TProtocol out) throws TException {
      out.writeSetBegin(new TSet(elementType, elements.size()));
      for (TValue e : elements) e.write(out);
      out.writeSetEnd();
    }
  }

  record Mp(byte keyType, byte valueType, List<TValue> keysAndValues) implements TValue {
    public Mp {
      keysAndValues = List.copyOf(keysAndValues);
      if (keysAndValues.isEmpty()) {
        keyType = TType.STOP;
        valueType = TType.STOP;
      }
    }
    public byte type() { return TType.MAP; }
    public void write(TProtocol out) throws TException {
      out.writeMapBegin(new TMap(keyType, valueType, keysAndValues.size() / 2));
      for (TValue e : keysAndValues) e.write(out);
      out.writeMapEnd();
    }
  }

  /** Fields by id, written in id order. */
  record Struct(SortedMap<Short, TValue> fields) implements TValue {
    public byte type() { return TType.STRUCT; }
    public void write(TProtocol out) throws TException {
      out.writeStructBegin(new TStruct("s"));
      for (var f : fields.entrySet()) {
        out.writeFieldBegin(new TField("", f.getValue().type(), f.getKey()));
        f.getValue().write(out);
        out.writeFieldEnd();
      }
      out.writeFieldStop();
      out.writeStructEnd();
    }

    TValue field(int id) {
      return fields.get((short) id);
    }
  }

  static Bool bool(boolean v) { return new Bool(v); }
  static I8 i8(int v) { return new I8((byte) v); }
  static I16 i16(int v) { return new I16((short) v); }
  static I32 i32(int v) { return new I32(v); }
  static I64 i64(long v) { return new I64(v); }
  static Dbl dbl(double v) { return new Dbl(v); }
  static Bin str(String v) { return new Bin(v.getBytes(StandardCharsets.UTF_8)); }
  static Bin bin(byte[] v) { return new Bin(v.clone()); }
  static Uuid uuid(String v) { return new Uuid(UUID.fromString(v)); }
  static Lst list(byte elementType, TValue... elements) { return new Lst(elementType, List.of(elements)); }
  static St set(byte elementType, TValue... elements) { return new St(elementType, List.of(elements)); }
  static Mp map(byte keyType, byte valueType, TValue... keysAndValues) { return new Mp(keyType, valueType, List.of(keysAndValues)); }

  /** A struct from alternating field ids and values. */
  static Struct struct(Object... idsAndValues) {
    TreeMap<Short, TValue> fields = new TreeMap<>();
    for (int i = 0; i < idsAndValues.length; i += 2) {
      fields.put(((Integer) idsAndValues[i]).shortValue(), (TValue) idsAndValues[i + 1]);
    }
    return new Struct(java.util.Collections.unmodifiableSortedMap(fields));
  }

  static TValue read(TProtocol in, byte type) throws TException {
    switch (type) {
      case TType.BOOL: return new Bool(in.readBool());
      case TType.BYTE: return new I8(in.readByte());
      case TType.I16: return new I16(in.readI16());
      case TType.I32: return new I32(in.readI32());
      case TType.I64: return new I64(in.readI64());
      case TType.DOUBLE: return new Dbl(in.readDouble());
      case TType.UUID: return new Uuid(in.readUuid());
      case TType.STRING: {
        java.nio.ByteBuffer b = in.readBinary();
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        return new Bin(copy);
      }
      case TType.LIST: {
        TList h = in.readListBegin();
        List<TValue> elements = new ArrayList<>();
        for (int i = 0; i < h.size; i++) elements.add(read(in, h.elemType));
        in.readListEnd();
        return new Lst(h.elemType, elements);
      }
      case TType.SET: {
        TSet h = in.readSetBegin();
        List<TValue> elements = new ArrayList<>();
        for (int i = 0; i < h.size; i++) elements.add(read(in, h.elemType));
        in.readSetEnd();
        return new St(h.elemType, elements);
      }
      case TType.MAP: {
        TMap h = in.readMapBegin();
        List<TValue> kv = new ArrayList<>();
        for (int i = 0; i < h.size; i++) {
          kv.add(read(in, h.keyType));
          kv.add(read(in, h.valueType));
        }
        in.readMapEnd();
        return new Mp(h.keyType, h.valueType, kv);
      }
      case TType.STRUCT: {
        TreeMap<Short, TValue> fields = new TreeMap<>();
        in.readStructBegin();
        for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
          fields.put(f.id, read(in, f.type));
          in.readFieldEnd();
        }
        in.readStructEnd();
        return new Struct(java.util.Collections.unmodifiableSortedMap(fields));
      }
      default:
        throw new IllegalArgumentException("unexpected wire type " + type);
    }
  }
}
