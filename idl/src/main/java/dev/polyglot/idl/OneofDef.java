package dev.polyglot.idl;

import java.util.List;

/** A proto {@code oneof} (never a synthetic one); members are indexes into the struct's fields. */
public record OneofDef(String name, List<Integer> fieldIndexes, SourceLocation location) {
  public OneofDef {
    fieldIndexes = List.copyOf(fieldIndexes);
  }
}
