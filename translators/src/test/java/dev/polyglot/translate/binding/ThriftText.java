package dev.polyglot.translate.binding;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TType;

/**
 * Reads Thrift bytes field by field with libthrift's own protocol classes (no schema) into a text
 * like {@code {1: "A-1", 3: i32 0, 9: list<string>["x"]}}: the independent view of what a Thrift
 * peer receives. Strings print quoted; binary as hex; fields in wire order.
 */
final class ThriftText {
  private ThriftText() {}

  static String read(boolean compact, byte[] bytes) throws Exception {
    TProtocol in = Interop.thriftReader(compact, bytes);
    String s = struct(in);
    return s;
  }

  static String read(byte[] bytes) throws Exception {
    return read(false, bytes);
  }

  private static String struct(TProtocol in) throws Exception {
    StringBuilder sb = new StringBuilder("{");
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (sb.length() > 1) sb.append(", ");
      sb.append(f.id).append(": ").append(value(in, f.type));
      in.readFieldEnd();
    }
    in.readStructEnd();
    return sb.append('}').toString();
  }

  private static String value(TProtocol in, byte type) throws Exception {
    switch (type) {
      case TType.BOOL:
        return String.valueOf(in.readBool());
      case TType.BYTE:
        return "i8 " + in.readByte();
      case TType.I16:
        return "i16 " + in.readI16();
      case TType.I32:
        return "i32 " + in.readI32();
      case TType.I64:
        return "i64 " + in.readI64();
      case TType.DOUBLE:
        return "double " + in.readDouble();
      case TType.UUID:
        return "uuid " + in.readUuid();
      case TType.STRING: {
        ByteBuffer b = in.readBinary();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        return "\"" + text + "\"";
      }
      case TType.STRUCT:
        return struct(in);
      case TType.LIST: {
        TList l = in.readListBegin();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < l.size; i++) sb.append(i > 0 ? ", " : "").append(value(in, l.elemType));
        in.readListEnd();
        return sb.append(']').toString();
      }
      case TType.SET: {
        TSet s = in.readSetBegin();
        StringBuilder sb = new StringBuilder("set[");
        for (int i = 0; i < s.size; i++) sb.append(i > 0 ? ", " : "").append(value(in, s.elemType));
        in.readSetEnd();
        return sb.append(']').toString();
      }
      case TType.MAP: {
        TMap m = in.readMapBegin();
        StringBuilder sb = new StringBuilder("map{");
        for (int i = 0; i < m.size; i++) {
          sb.append(i > 0 ? ", " : "").append(value(in, m.keyType)).append(" => ").append(value(in, m.valueType));
        }
        in.readMapEnd();
        return sb.append('}').toString();
      }
      default:
        throw new IllegalStateException("unexpected TType " + type);
    }
  }
}
