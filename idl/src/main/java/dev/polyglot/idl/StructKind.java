package dev.polyglot.idl;

/** What kind of record type a {@link StructDef} is. */
public enum StructKind {
  /** Thrift {@code struct}. */
  STRUCT,
  /** Thrift {@code union}: at most one field set. */
  UNION,
  /** Thrift {@code exception}. */
  EXCEPTION,
  /** Proto {@code message} (oneofs, if any, in {@link StructDef#oneofs()}). */
  MESSAGE,
  /**
   * The argument list of a Thrift method, synthesized by the loader as a struct named
   * {@code <service qualified name>.<method>_args}. Never emitted by conversion.
   */
  ARGS
}
