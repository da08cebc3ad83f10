package dev.polyglot.idl;

/**
 * The type of a field, argument, result or container element. Typedefs are resolved away by the
 * loaders: a {@code TypeRef} never names a typedef (the typedef itself is kept in {@link IdlFile}
 * for conversion). Named types are referenced by qualified name and looked up in {@link Schema},
 * which lets recursive structs be described by immutable values.
 */
public sealed interface TypeRef
    permits TypeRef.Void, TypeRef.Base, TypeRef.ListOf, TypeRef.SetOf, TypeRef.MapOf, TypeRef.Named {

  /** The result type of a Thrift {@code void} method. Never a field type. */
  Void VOID = new Void();

  static Base of(Scalar scalar) {
    return new Base(scalar);
  }

  static ListOf listOf(TypeRef element) {
    return new ListOf(element);
  }

  static SetOf setOf(TypeRef element) {
    return new SetOf(element);
  }

  static MapOf mapOf(TypeRef key, TypeRef value) {
    return new MapOf(key, value);
  }

  static Named named(String qualifiedName, NamedKind kind) {
    return new Named(qualifiedName, kind);
  }

  /** Human-readable, IDL-neutral spelling used in messages: {@code list<map<string,i64>>}. */
  String display();

  record Void() implements TypeRef {
    @Override
    public String display() {
      return "void";
    }
  }

  record Base(Scalar scalar) implements TypeRef {
    @Override
    public String display() {
      return scalar.thriftName() != null ? scalar.thriftName() : scalar.protoName();
    }
  }

  /** Thrift {@code list<T>}; a proto {@code repeated T} field. */
  record ListOf(TypeRef element) implements TypeRef {
    @Override
    public String display() {
      return "list<" + element.display() + ">";
    }
  }

  /** Thrift {@code set<T>}. */
  record SetOf(TypeRef element) implements TypeRef {
    @Override
    public String display() {
      return "set<" + element.display() + ">";
    }
  }

  /** Thrift {@code map<K,V>}; a proto {@code map<K,V>} field (never the synthetic entry message). */
  record MapOf(TypeRef key, TypeRef value) implements TypeRef {
    @Override
    public String display() {
      return "map<" + key.display() + "," + value.display() + ">";
    }
  }

  /** What a named reference points at. */
  enum NamedKind {
    /** Thrift struct/union/exception, proto message: see {@link Schema#struct(String)}. */
    STRUCT,
    /** See {@link Schema#enumType(String)}. */
    ENUM
  }

  /** A struct, union, exception, message or enum, by qualified name. */
  record Named(String qualifiedName, NamedKind kind) implements TypeRef {
    @Override
    public String display() {
      return qualifiedName;
    }
  }
}
