package dev.polyglot.idl.compat;

import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import java.util.List;

/**
 * A struct/union/exception/argument list and a message (or two of a kind), fields paired by name
 * ignoring case and underscores, else by id = number.
 *
 * <p>Design note: structs may be recursive ({@code struct Node { 1: list<Node> children }}), so a
 * correspondence can contain itself. It is therefore a class whose field list is set exactly once,
 * while {@link Compatibility#check} runs, before the report is published; after that it never
 * changes and is safe to share between threads. One instance exists per (caller struct, backend
 * struct) pair in a report.
 */
public final class StructCorrespondence implements ValueCorrespondence {
  private final StructDef caller;
  private final StructDef backend;
  private List<FieldCorrespondence> fields = List.of();

  StructCorrespondence(StructDef caller, StructDef backend) {
    this.caller = caller;
    this.backend = backend;
  }

  void complete(List<FieldCorrespondence> fields) {
    this.fields = List.copyOf(fields);
  }

  public StructDef caller() {
    return caller;
  }

  public StructDef backend() {
    return backend;
  }

  /**
   * Caller fields in declaration order (each with its backend counterpart or null), then backend
   * fields without a counterpart.
   */
  public List<FieldCorrespondence> fields() {
    return fields;
  }

  @Override
  public TypeRef callerType() {
    return TypeRef.named(caller.qualifiedName(), TypeRef.NamedKind.STRUCT);
  }

  @Override
  public TypeRef backendType() {
    return TypeRef.named(backend.qualifiedName(), TypeRef.NamedKind.STRUCT);
  }

  @Override
  public String toString() {
    return "StructCorrespondence[" + caller.qualifiedName() + " -> " + backend.qualifiedName() + ", " + fields.size() + " fields]";
  }

  /** How two fields were paired. */
  public enum Match {
    NAME,
    ID,
    /** One side has no counterpart: the value is dropped (or, absent, the receiver's default). */
    NONE
  }

  /**
   * @param caller null when only the backend has the field
   * @param backend null when only the caller has the field
   * @param value null when one side is missing
   */
  public record FieldCorrespondence(FieldDef caller, FieldDef backend, Match match, ValueCorrespondence value) {}
}
