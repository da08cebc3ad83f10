package dev.polyglot.translate;

import dev.polyglot.translate.event.FieldPlan;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TypePlan;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;

/**
 * The reference encoding: libthrift's own protocol writing a {@link Tree} field by field, the way
 * generated code does (writeStructBegin, writeFieldBegin, the value, writeFieldEnd, ..., STOP).
 */
final class ThriftReference {
  private ThriftReference() {}

  static byte[] binary(StructPlan plan, Tree.Struct value) {
    return write(plan, value, false);
  }

  static byte[] compact(StructPlan plan, Tree.Struct value) {
    return write(plan, value, true);
  }

  private static byte[] write(StructPlan plan, Tree.Struct value, boolean compact) {
    try {
      TMemoryBuffer buffer = new TMemoryBuffer(64);
      TProtocol p = compact ? new TCompactProtocol(buffer) : new TBinaryProtocol(buffer);
      writeStruct(p, plan, value);
      return buffer.getArray().length == buffer.length() ? buffer.getArray() : java.util.Arrays.copyOf(buffer.getArray(), buffer.length());
    } catch (TException e) {
      throw new AssertionError(e);
    }
  }

  private static void writeStruct(TProtocol p, StructPlan plan, Tree.Struct s) throws TException {
    p.writeStructBegin(new TStruct(plan.def().name()));
    for (Tree.Field f : s.fields()) {
      FieldPlan fp = plan.field(f.index());
      p.writeFieldBegin(new TField(fp.name(), fp.type().thriftType(), (short) fp.id()));
      writeValue(p, fp.type(), f.value());
      p.writeFieldEnd();
    }
    p.writeFieldStop();
    p.writeStructEnd();
  }

  private static void writeValue(TProtocol p, TypePlan t, Object v) throws TException {
    switch (t.kind()) {
      case BOOL -> p.writeBool((Boolean) v);
      case INTEGER -> {
        long n = (Long) v;
        switch (t.thriftType()) {
          case TType.BYTE -> p.writeByte((byte) n);
          case TType.I16 -> p.writeI16((short) n);
          case TType.I32 -> p.writeI32((int) n);
          default -> p.writeI64(n);
        }
      }
      case FLOATING -> p.writeDouble((Double) v);
      case STRING -> p.writeString((String) v);
      case BINARY -> p.writeBinary(ByteBuffer.wrap(((Tree.Bin) v).bytes()));
      case UUID -> p.writeUuid((UUID) v);
      case ENUM -> p.writeI32(((Tree.EnumNumber) v).number());
      case STRUCT -> writeStruct(p, t.struct(), (Tree.Struct) v);
      case LIST -> {
        Tree.ListOf l = (Tree.ListOf) v;
        p.writeListBegin(new TList(t.element().thriftType(), l.elements().size()));
        for (Object e : l.elements()) writeValue(p, t.element(), e);
        p.writeListEnd();
      }
      case SET -> {
        Tree.SetOf l = (Tree.SetOf) v;
        p.writeSetBegin(new TSet(t.element().thriftType(), l.elements().size()));
        for (Object e : l.elements()) writeValue(p, t.element(), e);
        p.writeSetEnd();
      }
      case MAP -> {
        Tree.MapOf m = (Tree.MapOf) v;
        p.writeMapBegin(new TMap(t.key().thriftType(), t.element().thriftType(), m.entries().size()));
        for (Tree.Entry e : m.entries()) {
          writeValue(p, t.key(), e.key());
          writeValue(p, t.element(), e.value());
        }
        p.writeMapEnd();
      }
    }
  }
}
