package dev.polyglot.idl;

import java.util.List;
import java.util.Optional;

/** A Thrift or proto enum. Values keep declaration order; numbers may be non-contiguous. */
public record EnumDef(
    String qualifiedName,
    String name,
    IdlKind idl,
    List<EnumValueDef> values,
    Annotations annotations,
    SourceLocation location) {

  public EnumDef {
    values = List.copyOf(values);
  }

  public Optional<EnumValueDef> byName(String name) {
    for (EnumValueDef v : values) if (v.name().equals(name)) return Optional.of(v);
    return Optional.empty();
  }

  /** First value declared with this number (proto allows aliases). */
  public Optional<EnumValueDef> byNumber(int number) {
    for (EnumValueDef v : values) if (v.number() == number) return Optional.of(v);
    return Optional.empty();
  }
}
