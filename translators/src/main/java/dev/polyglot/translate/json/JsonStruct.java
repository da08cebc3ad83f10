package dev.polyglot.translate.json;

import com.fasterxml.jackson.core.io.SerializedString;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.translate.event.FieldPlan;
import dev.polyglot.translate.event.StructPlan;

/**
 * A {@link StructPlan} as the JSON reader and writer see it: output names pre-encoded, per-field
 * JSON types, proto implicit presence, oneof membership, and for a well-known type the indexes of
 * the fields its JSON form is made of. Built and linked by {@link JsonSchema}; immutable after.
 */
final class JsonStruct {
  final StructPlan plan;
  Wkt wkt;
  final int fieldCount;
  /** The name written on output: the IDL name (Thrift view) or the JSON name (proto view). */
  final SerializedString[] outNames;
  final String[] names;
  final JsonType[] types;
  /** proto3 fields without presence: omitted on output at their default value. */
  final boolean[] implicit;
  /** oneof index per field, -1 for none; a Thrift union puts every field in oneof 0. */
  final int[] oneof;
  final String[] oneofNames;
  final long requiredMask;
  /** Field indexes a well-known type's JSON form is made of (see {@link JsonSchema}). */
  int wktA = -1;
  int wktB = -1;
  /** google.protobuf.Value: field index by kind number 1..6 (null, number, string, bool, struct, list). */
  int[] valueKinds;

  JsonStruct(StructPlan plan, JsonDialect dialect) {
    this.plan = plan;
    this.fieldCount = plan.fieldCount();
    this.outNames = new SerializedString[fieldCount];
    this.names = new String[fieldCount];
    this.types = new JsonType[fieldCount];
    this.implicit = new boolean[fieldCount];
    this.oneof = new int[fieldCount];
    boolean union = plan.isUnion();
    for (int i = 0; i < fieldCount; i++) {
      FieldPlan f = plan.field(i);
      names[i] = f.name();
      String out = dialect == JsonDialect.PROTO && f.jsonName() != null ? f.jsonName() : f.name();
      outNames[i] = new SerializedString(out);
      implicit[i] = f.hasImplicitPresence() || (plan.idl() == IdlKind.PROTO && isRepeatedOrMap(f));
      oneof[i] = union ? 0 : f.def().oneofIndex();
    }
    if (union) {
      oneofNames = new String[] {"union " + plan.qualifiedName()};
    } else {
      oneofNames = new String[plan.def().oneofs().size()];
      for (int i = 0; i < oneofNames.length; i++) oneofNames[i] = "oneof " + plan.def().oneofs().get(i).name();
    }
    this.requiredMask = plan.requiredMask();
    this.wkt = dialect == JsonDialect.PROTO && plan.idl() == IdlKind.PROTO ? Wkt.of(plan.qualifiedName()) : Wkt.NONE;
  }

  private static boolean isRepeatedOrMap(FieldPlan f) {
    return switch (f.type().kind()) {
      case LIST, SET, MAP -> true;
      default -> false;
    };
  }

  /** A type with a well-known name but not the well-known fields: written as a plain object. */
  void demote() {
    wkt = Wkt.NONE;
  }

  String qualifiedName() {
    return plan.qualifiedName();
  }

  String expectation() {
    return switch (wkt) {
      case TIMESTAMP -> "an RFC 3339 timestamp string";
      case DURATION -> "a duration string such as \"1.5s\"";
      case WRAPPER -> types[wktA].expectation();
      case FIELD_MASK -> "a field mask string";
      case VALUE -> "any JSON value";
      case LIST_VALUE -> "an array";
      case NONE, STRUCT, ANY, EMPTY -> "an object";
    };
  }
}
