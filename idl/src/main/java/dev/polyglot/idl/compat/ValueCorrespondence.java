package dev.polyglot.idl.compat;

import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import java.util.List;

/**
 * How a value of the caller's type corresponds to a value of the backend's type. Every
 * correspondence is oriented caller → backend; a translator uses the same object for both
 * directions (requests flow caller → backend, responses backend → caller).
 *
 * <p>A method binding walks this tree once at compile time; it never needs to re-apply the mapping
 * rules.
 */
public sealed interface ValueCorrespondence
    permits ValueCorrespondence.ScalarCorrespondence,
        ValueCorrespondence.EnumCorrespondence,
        StructCorrespondence,
        ValueCorrespondence.ListCorrespondence,
        ValueCorrespondence.SetCorrespondence,
        ValueCorrespondence.MapCorrespondence,
        ValueCorrespondence.WrapperCorrespondence,
        ValueCorrespondence.EnumNameCorrespondence,
        ValueCorrespondence.Unbridgeable {

  TypeRef callerType();

  TypeRef backendType();

  /**
   * Two base types. {@code checkedTowardBackend}/{@code checkedTowardCaller}: converting in that
   * direction must validate the value (an integer range, float precision/range, a UUID's canonical
   * text or 16-byte length) and fail the call with INVALID_ARGUMENT rather than truncate.
   */
  record ScalarCorrespondence(Scalar caller, Scalar backend, boolean checkedTowardBackend, boolean checkedTowardCaller)
      implements ValueCorrespondence {
    @Override
    public TypeRef callerType() {
      return TypeRef.of(caller);
    }

    @Override
    public TypeRef backendType() {
      return TypeRef.of(backend);
    }

    public boolean isIdentity() {
      return caller == backend;
    }
  }

  /** Two enums, values paired by name (numbers may differ); see {@link EnumValuePair}. */
  record EnumCorrespondence(EnumDef caller, EnumDef backend, List<EnumValuePair> values) implements ValueCorrespondence {
    public EnumCorrespondence {
      values = List.copyOf(values);
    }

    @Override
    public TypeRef callerType() {
      return TypeRef.named(caller.qualifiedName(), TypeRef.NamedKind.ENUM);
    }

    @Override
    public TypeRef backendType() {
      return TypeRef.named(backend.qualifiedName(), TypeRef.NamedKind.ENUM);
    }
  }

  /**
   * A pair of enum values. One side is null when the value has no counterpart: then {@link #unset()}
   * says whether it is a proto3 zero {@code *_UNSPECIFIED} value, which stands for "field not set"
   * on the other side; any other lone value fails the calls that carry it.
   */
  record EnumValuePair(EnumValueDef caller, EnumValueDef backend, boolean unset) {}

  /** Thrift {@code list<T>} or a proto {@code repeated} field, on both sides. */
  record ListCorrespondence(TypeRef.ListOf callerType, TypeRef.ListOf backendType, ValueCorrespondence element)
      implements ValueCorrespondence {}

  /**
   * A Thrift {@code set<T>} on at least one side; the other side is a list or set. Toward a set,
   * duplicates are the translator's to reject or collapse.
   */
  record SetCorrespondence(TypeRef callerType, TypeRef backendType, ValueCorrespondence element) implements ValueCorrespondence {}

  record MapCorrespondence(TypeRef.MapOf callerType, TypeRef.MapOf backendType, ValueCorrespondence key, ValueCorrespondence value)
      implements ValueCorrespondence {}

  /**
   * A one-field message (or struct) on the {@code wrapped} side stands for the value of its only
   * field, which corresponds to the other side's value: {@code map<string, list<i64>>} ↔
   * {@code map<string, SkuList>} with {@code message SkuList { repeated int64 skus = 1; }}.
   *
   * @param value oriented caller → backend, between {@code field.type()} on the wrapped side and the
   *     other side's value
   */
  record WrapperCorrespondence(Side wrapped, StructDef wrapper, FieldDef field, TypeRef otherType, ValueCorrespondence value)
      implements ValueCorrespondence {
    @Override
    public TypeRef callerType() {
      return wrapped == Side.CALLER ? TypeRef.named(wrapper.qualifiedName(), TypeRef.NamedKind.STRUCT) : otherType;
    }

    @Override
    public TypeRef backendType() {
      return wrapped == Side.BACKEND ? TypeRef.named(wrapper.qualifiedName(), TypeRef.NamedKind.STRUCT) : otherType;
    }
  }

  /**
   * A Thrift enum map key ↔ a proto {@code string} map key holding the Thrift value's name (proto
   * map keys cannot be enums). Toward the enum side, a string that names no value fails the call
   * with INVALID_ARGUMENT.
   */
  record EnumNameCorrespondence(Side enumSide, EnumDef enumType, TypeRef callerType, TypeRef backendType) implements ValueCorrespondence {}

  /** No correspondence; a {@link CompatProblem} says why. Present only in unbridgeable reports. */
  record Unbridgeable(TypeRef callerType, TypeRef backendType) implements ValueCorrespondence {}
}
