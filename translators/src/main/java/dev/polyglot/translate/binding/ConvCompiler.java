package dev.polyglot.translate.binding;

import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.idl.compat.Side;
import dev.polyglot.idl.compat.StructCorrespondence;
import dev.polyglot.idl.compat.StructCorrespondence.FieldCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.EnumCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.EnumNameCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.EnumValuePair;
import dev.polyglot.idl.compat.ValueCorrespondence.ListCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.MapCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.ScalarCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.SetCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.Unbridgeable;
import dev.polyglot.idl.compat.ValueCorrespondence.WrapperCorrespondence;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TypeKind;
import dev.polyglot.translate.event.TypePlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the compatibility check's {@link ValueCorrespondence} tree into {@link Conv} nodes for one
 * direction. It applies no mapping rule of its own: which fields pair, which enum values pair and
 * where wrappers sit all come from the correspondence; this class only precomputes indexes, numbers
 * and the presence bookkeeping. Not thread-safe; used once per binding compile.
 */
final class ConvCompiler {
  private final Plans plans;
  private final boolean towardBackend;
  private final Map<StructCorrespondence, Conv> structs = new IdentityHashMap<>();

  ConvCompiler(Plans plans, boolean towardBackend) {
    this.plans = plans;
    this.towardBackend = towardBackend;
  }

  Conv compile(ValueCorrespondence vc) {
    if (vc instanceof ScalarCorrespondence s) return scalar(s);
    if (vc instanceof EnumCorrespondence e) return enumConv(e);
    if (vc instanceof StructCorrespondence s) return struct(s);
    if (vc instanceof ListCorrespondence l) {
      Conv c = new Conv(Conv.LIST);
      c.inner = compile(l.element());
      return c;
    }
    if (vc instanceof SetCorrespondence s) {
      Conv c = new Conv(Conv.LIST);
      TypeRef target = towardBackend ? s.backendType() : s.callerType();
      TypeRef source = towardBackend ? s.callerType() : s.backendType();
      c.targetSet = target instanceof TypeRef.SetOf;
      c.checkDistinct = c.targetSet && !(source instanceof TypeRef.SetOf);
      c.inner = compile(s.element());
      return c;
    }
    if (vc instanceof MapCorrespondence m) {
      Conv c = new Conv(Conv.MAP);
      c.key = compile(m.key());
      c.inner = compile(m.value());
      return c;
    }
    if (vc instanceof WrapperCorrespondence w) return wrapper(w);
    if (vc instanceof EnumNameCorrespondence n) return enumName(n);
    Unbridgeable u = (Unbridgeable) vc;
    throw new IllegalArgumentException("no correspondence between " + u.callerType().display() + " and " + u.backendType().display());
  }

  /** A conversion between two structs, built by hand (Thrift result structs): one field pair. */
  Conv resultStruct(StructPlan source, int sourceField, StructPlan target, int targetField, Conv value) {
    Conv c = new Conv(Conv.STRUCT);
    c.sourceStruct = source;
    c.targetStruct = target;
    c.targetIndex = new int[source.fieldCount()];
    Arrays.fill(c.targetIndex, -1);
    c.fieldConv = new Conv[source.fieldCount()];
    c.targetIndex[sourceField] = targetField;
    c.fieldConv[sourceField] = value;
    c.fillIndexes = new int[0];
    c.requiredIndexes = new int[0];
    c.requiredNames = new String[0];
    return c;
  }

  Conv targetWrap(StructPlan wrapper, int field, Conv value) {
    Conv c = new Conv(Conv.WRAP_TARGET);
    c.wrapper = wrapper;
    c.wrapField = field;
    c.inner = value;
    return c;
  }

  /** {@code targetType} null: the value has no zero (a missing value is an error). */
  Conv sourceWrap(int field, Conv value, TypePlan targetType) {
    Conv c = new Conv(Conv.WRAP_SOURCE);
    c.wrapField = field;
    c.inner = value;
    c.targetType = targetType;
    return c;
  }

  private Conv scalar(ScalarCorrespondence s) {
    Scalar from = towardBackend ? s.caller() : s.backend();
    Scalar to = towardBackend ? s.backend() : s.caller();
    boolean checked = towardBackend ? s.checkedTowardBackend() : s.checkedTowardCaller();
    Conv c;
    if (from == Scalar.UUID && to == Scalar.STRING) c = new Conv(Conv.UUID_TO_STRING);
    else if (from == Scalar.STRING && to == Scalar.UUID) c = new Conv(Conv.STRING_TO_UUID);
    else if (from == Scalar.UUID && to == Scalar.BINARY) c = new Conv(Conv.UUID_TO_BYTES);
    else if (from == Scalar.BINARY && to == Scalar.UUID) c = new Conv(Conv.BYTES_TO_UUID);
    else if (to == Scalar.FLOAT && from != Scalar.FLOAT) c = new Conv(Conv.TO_FLOAT);
    else if (checked && plans.type(TypeRef.of(to)).kind() == TypeKind.INTEGER) c = new Conv(Conv.CHECKED_INT);
    else c = new Conv(Conv.PASS);
    c.targetType = plans.type(TypeRef.of(to));
    return c;
  }

  private Conv enumConv(EnumCorrespondence e) {
    Conv c = new Conv(Conv.ENUM);
    c.sourceEnum = plans.type(towardBackend ? e.callerType() : e.backendType()).enumPlan();
    c.targetEnum = plans.type(towardBackend ? e.backendType() : e.callerType()).enumPlan();
    List<int[]> pairs = new ArrayList<>();
    for (EnumValuePair p : e.values()) {
      EnumValueDef from = towardBackend ? p.caller() : p.backend();
      EnumValueDef to = towardBackend ? p.backend() : p.caller();
      if (from == null) continue;
      pairs.add(new int[] {from.number(), to != null ? to.number() : p.unset() ? Conv.UNSET : Conv.NONE});
    }
    pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
    int n = 0;
    int[] src = new int[pairs.size()];
    int[] dst = new int[pairs.size()];
    for (int[] p : pairs) {
      if (n > 0 && src[n - 1] == p[0]) continue; // aliases: the first declared pairing wins
      src[n] = p[0];
      dst[n++] = p[1];
    }
    c.sourceNumbers = Arrays.copyOf(src, n);
    c.targetNumbers = Arrays.copyOf(dst, n);
    c.passUnknown = !c.sourceEnum.isClosed() && !c.targetEnum.isClosed();
    return c;
  }

  private Conv enumName(EnumNameCorrespondence n) {
    Side enumSide = n.enumSide();
    boolean sourceIsEnum = (enumSide == Side.CALLER) == towardBackend;
    Conv c = new Conv(sourceIsEnum ? Conv.ENUM_TO_NAME : Conv.NAME_TO_ENUM);
    TypePlan enumType = plans.type(TypeRef.named(n.enumType().qualifiedName(), TypeRef.NamedKind.ENUM));
    if (sourceIsEnum) c.sourceEnum = enumType.enumPlan();
    else c.targetEnum = enumType.enumPlan();
    return c;
  }

  private Conv wrapper(WrapperCorrespondence w) {
    boolean targetWrapped = (w.wrapped() == Side.BACKEND) == towardBackend;
    StructPlan plan = plans.struct(w.wrapper());
    int field = indexOf(w.wrapper(), w.field());
    Conv value = compile(w.value());
    if (targetWrapped) return targetWrap(plan, field, value);
    return sourceWrap(field, value, plans.type(w.otherType()));
  }

  private Conv struct(StructCorrespondence sc) {
    Conv existing = structs.get(sc);
    if (existing != null) return existing;
    Conv c = new Conv(Conv.STRUCT);
    structs.put(sc, c);
    StructDef sourceDef = towardBackend ? sc.caller() : sc.backend();
    StructDef targetDef = towardBackend ? sc.backend() : sc.caller();
    c.sourceStruct = plans.struct(sourceDef);
    c.targetStruct = plans.struct(targetDef);
    c.targetIndex = new int[sourceDef.fields().size()];
    Arrays.fill(c.targetIndex, -1);
    c.fieldConv = new Conv[sourceDef.fields().size()];
    FieldDef[] counterpart = new FieldDef[targetDef.fields().size()];
    for (FieldCorrespondence fc : sc.fields()) {
      FieldDef from = towardBackend ? fc.caller() : fc.backend();
      FieldDef to = towardBackend ? fc.backend() : fc.caller();
      if (from == null || to == null) continue;
      int si = indexOf(sourceDef, from);
      int ti = indexOf(targetDef, to);
      c.targetIndex[si] = ti;
      c.fieldConv[si] = compile(fc.value());
      counterpart[ti] = from;
    }
    List<Integer> fill = new ArrayList<>();
    List<Integer> required = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int ti = 0; ti < counterpart.length; ti++) {
      FieldDef to = targetDef.fields().get(ti);
      FieldDef from = counterpart[ti];
      // DESIGN.md "Presence": a proto3 field without presence cannot say "unset"; absent, it means
      // the type's zero, which a Thrift field that is not optional receives explicitly (its IDL
      // default, such as `quantity = 1`, must not win over the 0 the proto caller meant).
      if (from != null
          && targetDef.idl() == IdlKind.THRIFT
          && !targetDef.isUnion()
          && !to.isOptional()
          && sourceDef.idl() == IdlKind.PROTO
          && !from.hasPresence()
          && from.oneofIndex() < 0
          && hasZero(c.targetStruct.field(ti).type())) {
        fill.add(ti);
      }
      if (to.isRequired()) {
        required.add(ti);
        names.add(from != null ? from.name() : to.name());
      }
    }
    c.fillIndexes = fill.stream().mapToInt(Integer::intValue).toArray();
    c.requiredIndexes = required.stream().mapToInt(Integer::intValue).toArray();
    c.requiredNames = names.toArray(new String[0]);
    return c;
  }

  static boolean hasZero(TypePlan t) {
    return switch (t.kind()) {
      case BOOL, INTEGER, FLOATING, STRING, BINARY, LIST, SET, MAP -> true;
      case UUID, ENUM, STRUCT -> false;
    };
  }

  static int indexOf(StructDef def, FieldDef field) {
    List<FieldDef> fields = def.fields();
    for (int i = 0; i < fields.size(); i++) if (fields.get(i).id() == field.id() && fields.get(i).name().equals(field.name())) return i;
    throw new IllegalArgumentException("field " + field.name() + " is not a field of " + def.qualifiedName());
  }
}
