package dev.polyglot.idl.compat;

/**
 * How the caller's result corresponds to the backend's.
 *
 * <ul>
 *   <li>{@link Empty}: nothing to carry — Thrift {@code void} ↔ {@code google.protobuf.Empty} or any
 *       message without fields (also void ↔ void, and a oneway backend).
 *   <li>{@link Value}: the result values correspond: a Thrift struct result ↔ the response message
 *       directly (a {@link StructCorrespondence}), message ↔ message, Thrift ↔ Thrift of any type, or
 *       a non-struct Thrift result ↔ a one-field response message (a {@link
 *       ValueCorrespondence.WrapperCorrespondence} whose wrapped side is the proto side).
 * </ul>
 */
public sealed interface ResultCorrespondence permits ResultCorrespondence.Empty, ResultCorrespondence.Value {
  record Empty() implements ResultCorrespondence {}

  record Value(ValueCorrespondence value) implements ResultCorrespondence {}
}
