package dev.polyglot.idl;

import java.util.List;
import java.util.Optional;

/**
 * A Thrift or proto service.
 *
 * @param qualifiedName {@code warehouse.Warehouse} (file stem + name) or
 *     {@code acme.warehouse.v1.WarehouseService} (package + name)
 * @param extendsService qualified name of the Thrift base service, or null
 * @param methods every callable method, inherited ones first (Thrift {@code extends}), then declared
 */
public record ServiceDef(
    String qualifiedName,
    String name,
    IdlKind idl,
    String extendsService,
    List<MethodDef> methods,
    Annotations annotations,
    SourceLocation location) {

  public ServiceDef {
    methods = List.copyOf(methods);
  }

  /** Exact name lookup; compile-time only. */
  public Optional<MethodDef> method(String name) {
    for (MethodDef m : methods) if (m.name().equals(name)) return Optional.of(m);
    return Optional.empty();
  }
}
