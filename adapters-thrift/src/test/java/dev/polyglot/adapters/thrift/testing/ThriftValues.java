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
 * struct is a {@code Map<Short, Object>} by field id, strings and binaries are
 * {@code ByteBuffer}s (the wire does not tell them apart; buffers compare by content), lists and sets
 * are lists. Independent of the gateway's own code.
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
        return ByteBuffer.wrap(bytes);
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
    return StandardCharsets.UTF_8.decode(((ByteBuffer) value).duplicate()).toString();
  }

  /**
   * Reads a value of {@code type} from {@code in} and writes the same value to {@code out}, headers
   * included (a protocol copier, as libthrift's own tools would write it).
   */
  public static void copy(TProtocol in, TProtocol out, byte type) throws TException {
    switch (type) {
      case TType.BOOL -> out.writeBool(in.readBool());
      case TType.BYTE -> out.writeByte(in.readByte());
      case TType.I16 -> out.writeI16(in.readI16());
      case TType.I32 -> out.writeI32(in.readI32());
      case TType.I64 -> out.writeI64(in.readI64());
      case TType.DOUBLE -> out.writeDouble(in.readDouble());
      case TType.STRING -> out.writeBinary(in.readBinary());
      case TType.UUID -> out.writeUuid(in.readUuid());
      case TType.STRUCT -> {
        out.writeStructBegin(in.readStructBegin());
        while (true) {
          TField f = in.readFieldBegin();
          if (f.type == TType.STOP) break;
          out.writeFieldBegin(f);
          copy(in, out, f.type);
          in.readFieldEnd();
          out.writeFieldEnd();
        }
        in.readStructEnd();
        out.writeFieldStop();
        out.writeStructEnd();
      }
      case TType.LIST -> {
        TList l = in.readListBegin();
        out.writeListBegin(l);
        for (int i = 0; i < l.size; i++) copy(in, out, l.elemType);
        in.readListEnd();
        out.writeListEnd();
      }
      case TType.SET -> {
        TSet s = in.readSetBegin();
        out.writeSetBegin(s);
        for (int i = 0; i < s.size; i++) copy(in, out, s.elemType);
        in.readSetEnd();
        out.writeSetEnd();
      }
      case TType.MAP -> {
        TMap m = in.readMapBegin();
        out.writeMapBegin(m);
        for (int i = 0; i < m.size; i++) {
          copy(in, out, m.keyType);
          copy(in, out, m.valueType);
        }
        in.readMapEnd();
        out.writeMapEnd();
      }
      default -> throw new TException("unexpected type " + type);
    }
  }
}
