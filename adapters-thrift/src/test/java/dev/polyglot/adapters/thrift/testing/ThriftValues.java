package dev.polyglot.adapters.thrift.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TType;

/**
 * Reads any Thrift value with libthrift's protocol classes, schema-free, into plain Java values: a
 * struct is a {@code Map<Short, Object>} by field id, strings and binaries are {@code byte[]} (the wire
 * does not tell them apart), lists and sets are lists. Independent of the gateway's own code.
 */
public final class ThriftValues {
  private ThriftValues() {}

  public static Map<Short, Object> readStruct(TProtocol p) throws TException {
    Map<Short, Object> fields = new LinkedHashMap<>();
    p.readStructBegin();
    while (true) {
      TField f = p.readFieldBegin();
      if (f.type == TType.STOP) break;
      fields.put(f.id, read(p, f.type));
      p.readFieldEnd();
    }
    p.readStructEnd();
    return fields;
  }

  public static Object read(TProtocol p, byte type) throws TException {
    switch (type) {
      case TType.BOOL: return p.readBool();
      case TType.BYTE: return p.readByte();
      case TType.I16: return p.readI16();
      case TType.I32: return p.readI32();
      case TType.I64: return p.readI64();
      case TType.DOUBLE: return p.readDouble();
      case TType.STRING: {
        ByteBuffer b = p.readBinary();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
      }
      case TType.STRUCT: return readStruct(p);
      case TType.LIST: {
        TList l = p.readListBegin();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < l.size; i++) out.add(read(p, l.elemType));
        p.readListEnd();
        return out;
      }
      case TType.SET: {
        TSet s = p.readSetBegin();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < s.size; i++) out.add(read(p, s.elemType));
        p.readSetEnd();
        return out;
      }
      case TType.MAP: {
        TMap m = p.readMapBegin();
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < m.size; i++) out.put(read(p, m.keyType), read(p, m.valueType));
        p.readMapEnd();
        return out;
      }
      case TType.UUID: return p.readUuid();
      default: throw new TException("unexpected type " + type);
    }
  }

  /** A string read by {@link #read}. */
  public static String text(Object value) {
    return new String((byte[]) value, StandardCharsets.UTF_8);
  }
}
