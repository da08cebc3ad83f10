package dev.polyglot.translate.json;

import dev.polyglot.idl.Scalar;
import dev.polyglot.translate.event.EnumPlan;
import dev.polyglot.translate.event.TypeKind;
import dev.polyglot.translate.event.TypePlan;

/**
 * A {@link TypePlan} as the JSON reader and writer see it: the same shape, with the struct linked
 * to its {@link JsonStruct} and the JSON spelling decided once. Immutable after {@link JsonSchema}
 * links it.
 */
final class JsonType {
  final TypePlan plan;
  final TypeKind kind;
  final Scalar scalar;
  final EnumPlan enumPlan;
  /** 64-bit integers travel as strings (proto view). */
  final boolean quoted;
  /** uint32/fixed32/uint64/fixed64. */
  final boolean unsigned;
  /** Whether range-checking a long is needed (narrower than 64 bits, or unsigned 32). */
  final boolean narrow;
  /** proto's google.protobuf.NullValue: JSON null. */
  final boolean nullValue;
  JsonType element;
  JsonType key;
  JsonStruct struct;

  JsonType(TypePlan plan, JsonDialect dialect) {
    this.plan = plan;
    this.kind = plan.kind();
    this.scalar = plan.scalar();
    this.enumPlan = plan.enumPlan();
    boolean integer = kind == TypeKind.INTEGER;
    this.unsigned = integer && !scalar.isSigned();
    this.quoted = integer && dialect == JsonDialect.PROTO && scalar.integerBits() == 64;
    this.narrow = integer && !(scalar.integerBits() == 64);
    this.nullValue = kind == TypeKind.ENUM && enumPlan.qualifiedName().equals("google.protobuf.NullValue");
  }

  boolean isUnsigned64() {
    return unsigned && scalar.integerBits() == 64;
  }

  /** "an integer", "a string", ... for "expected ..., got ..." messages. */
  String expectation() {
    return switch (kind) {
      case BOOL -> "a boolean";
      case INTEGER -> "an integer";
      case FLOATING -> "a number";
      case STRING -> "a string";
      case BINARY -> "a base64 string";
      case UUID -> "a UUID string";
      case ENUM -> nullValue ? "null" : "an enum name or number";
      case STRUCT -> struct.expectation();
      case LIST, SET -> "an array";
      case MAP -> "an object";
    };
  }
}
