package dev.polyglot.translate;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.List;

/**
 * The reference encoding: a protobuf-java {@link DynamicMessage} built from real
 * {@link Descriptor}s holding the same values as a {@link Tree}, fields located by number.
 */
final class ProtoReference {
  private ProtoReference() {}

  static DynamicMessage message(Descriptor d, dev.polyglot.translate.event.StructPlan plan, Tree.Struct s) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
    for (Tree.Field f : s.fields()) {
      FieldDescriptor fd = d.findFieldByNumber(plan.field(f.index()).id());
      dev.polyglot.translate.event.TypePlan t = plan.field(f.index()).type();
      if (fd.isMapField()) {
        Descriptor entry = fd.getMessageType();
        for (Tree.Entry e : ((Tree.MapOf) f.value()).entries()) {
          DynamicMessage.Builder eb = DynamicMessage.newBuilder(entry);
          eb.setField(entry.findFieldByNumber(1), single(entry.findFieldByNumber(1), t.key(), e.key()));
          eb.setField(entry.findFieldByNumber(2), single(entry.findFieldByNumber(2), t.element(), e.value()));
          b.addRepeatedField(fd, eb.build());
        }
      } else if (fd.isRepeated()) {
        List<Object> elements = f.value() instanceof Tree.SetOf set ? set.elements() : ((Tree.ListOf) f.value()).elements();
        for (Object e : elements) b.addRepeatedField(fd, single(fd, t.element(), e));
      } else {
        b.setField(fd, single(fd, t, f.value()));
      }
    }
    return b.build();
  }

  private static Object single(FieldDescriptor fd, dev.polyglot.translate.event.TypePlan t, Object v) {
    switch (fd.getJavaType()) {
      case INT:
        return (int) (long) (Long) v;
      case LONG:
        return (Long) v;
      case FLOAT:
        return (float) (double) (Double) v;
      case DOUBLE:
        return (Double) v;
      case BOOLEAN:
        return (Boolean) v;
      case STRING:
        return (String) v;
      case BYTE_STRING:
        return ByteString.copyFrom(((Tree.Bin) v).bytes());
      case ENUM:
        return fd.getEnumType().findValueByNumberCreatingIfUnknown(((Tree.EnumNumber) v).number());
      case MESSAGE:
        return message(fd.getMessageType(), t.struct(), (Tree.Struct) v);
    }
    throw new AssertionError(fd);
  }
}
