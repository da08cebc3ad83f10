package dev.polyglot.adapters.thrift.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.UUID;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransport;

/** One {@code echo.Everything} value with every field set except the optional {@code absent}, written with libthrift. */
public final class Everything {
  private Everything() {}

  public static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  /** Writes the struct (not a field holding it). */
  public static void write(TProtocol p) throws TException {
    p.writeStructBegin(new TStruct("Everything"));
    field(p, 1, TType.BOOL);
    p.writeBool(true);
    p.writeFieldEnd();
    field(p, 2, TType.BOOL);
    p.writeBool(false);
    p.writeFieldEnd();
    field(p, 3, TType.BYTE);
    p.writeByte((byte) -128);
    p.writeFieldEnd();
    field(p, 4, TType.I16);
    p.writeI16((short) 32767);
    p.writeFieldEnd();
    field(p, 5, TType.I32);
    p.writeI32(-2147483648);
    p.writeFieldEnd();
    field(p, 6, TType.I64);
    p.writeI64(Long.MAX_VALUE);
    p.writeFieldEnd();
    field(p, 7, TType.DOUBLE);
    p.writeDouble(-0.125);
    p.writeFieldEnd();
    field(p, 8, TType.STRING);
    p.writeString("naïve ✓ 𝄞");
    p.writeFieldEnd();
    field(p, 9, TType.STRING);
    p.writeBinary(ByteBuffer.wrap(new byte[] {0, -1, 2, -128, 127}));
    p.writeFieldEnd();
    field(p, 10, TType.UUID);
    p.writeUuid(ID);
    p.writeFieldEnd();
    field(p, 11, TType.I32);
    p.writeI32(8);
    p.writeFieldEnd();
    field(p, 12, TType.STRUCT);
    inner(p, 7, "seven");
    p.writeFieldEnd();
    field(p, 14, TType.LIST);
    p.writeListBegin(new TList(TType.I32, 3));
    p.writeI32(1);
    p.writeI32(-1);
    p.writeI32(1 << 30);
    p.writeListEnd();
    p.writeFieldEnd();
    field(p, 15, TType.SET);
    p.writeSetBegin(new TSet(TType.STRING, 2));
    p.writeString("a");
    p.writeString("b");
    p.writeSetEnd();
    p.writeFieldEnd();
    field(p, 16, TType.MAP);
    p.writeMapBegin(new TMap(TType.STRING, TType.I64, 2));
    p.writeString("x");
    p.writeI64(-1);
    p.writeString("y");
    p.writeI64(1L << 40);
    p.writeMapEnd();
    p.writeFieldEnd();
    field(p, 17, TType.LIST);
    p.writeListBegin(new TList(TType.LIST, 2));
    p.writeListBegin(new TList(TType.BOOL, 3));
    p.writeBool(true);
    p.writeBool(false);
    p.writeBool(true);
    p.writeListEnd();
    p.writeListBegin(new TList(TType.BOOL, 0));
    p.writeListEnd();
    p.writeListEnd();
    p.writeFieldEnd();
    field(p, 18, TType.MAP);
    p.writeMapBegin(new TMap(TType.I32, TType.STRUCT, 1));
    p.writeI32(3);
    inner(p, 3, null);
    p.writeMapEnd();
    p.writeFieldEnd();
    field(p, 19, TType.STRUCT);
    p.writeStructBegin(new TStruct("Choice"));
    field(p, 2, TType.I64);
    p.writeI64(-99);
    p.writeFieldEnd();
    p.writeFieldStop();
    p.writeStructEnd();
    p.writeFieldEnd();
    field(p, 20, TType.LIST);
    p.writeListBegin(new TList(TType.STRING, 2));
    p.writeBinary(ByteBuffer.wrap("one".getBytes(StandardCharsets.UTF_8)));
    p.writeBinary(ByteBuffer.allocate(0));
    p.writeListEnd();
    p.writeFieldEnd();
    p.writeFieldStop();
    p.writeStructEnd();
  }

  /** The value as {@link ThriftValues#readStruct} reads it, decoded independently of the gateway. */
  public static Map<Short, Object> expected(Function<TTransport, TProtocol> protocol) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(256);
    write(protocol.apply(buffer));
    return ThriftValues.readStruct(protocol.apply(new TMemoryInputTransport(Arrays.copyOf(buffer.getArray(), buffer.length()))));
  }

  private static void inner(TProtocol p, int a, String b) throws TException {
    p.writeStructBegin(new TStruct("Inner"));
    field(p, 1, TType.I32);
    p.writeI32(a);
    p.writeFieldEnd();
    if (b != null) {
      field(p, 2, TType.STRING);
      p.writeString(b);
      p.writeFieldEnd();
    }
    p.writeFieldStop();
    p.writeStructEnd();
  }

  private static void field(TProtocol p, int id, byte type) throws TException {
    p.writeFieldBegin(new TField("", type, (short) id));
  }
}
