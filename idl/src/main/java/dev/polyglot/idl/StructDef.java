package dev.polyglot.idl;

import java.util.List;
import java.util.Optional;

/**
 * A Thrift struct, union, exception or method argument list, or a proto message.
 *
 * @param qualifiedName {@code warehouse.Item}, {@code acme.warehouse.v1.Item},
 *     {@code acme.v1.Outer.Inner} for nested messages
 * @param name the simple name ({@code Item}, {@code Inner})
 * @param mapEntry true only for proto's synthetic map entry messages (kept in the schema for
 *     descriptor fidelity; fields never refer to them: they use {@link TypeRef.MapOf})
 */
public record StructDef(
    String qualifiedName,
    String name,
    IdlKind idl,
    StructKind kind,
    List<FieldDef> fields,
    List<OneofDef> oneofs,
    boolean mapEntry,
    Annotations annotations,
    SourceLocation location) {

  public StructDef {
    fields = List.copyOf(fields);
    oneofs = List.copyOf(oneofs);
  }

  /** Linear scan; for compile-time use only (bindings precompute indexes). */
  public Optional<FieldDef> fieldById(int id) {
    for (FieldDef f : fields) if (f.id() == id) return Optional.of(f);
    return Optional.empty();
  }

  /** Linear scan by exact declared name; for compile-time use only. */
  public Optional<FieldDef> fieldByName(String name) {
    for (FieldDef f : fields) if (f.name().equals(name)) return Optional.of(f);
    return Optional.empty();
  }

  public boolean isException() {
    return kind == StructKind.EXCEPTION;
  }

  public boolean isUnion() {
    return kind == StructKind.UNION;
  }
}
