package dev.polyglot.idl;

/** One enum constant. */
public record EnumValueDef(String name, int number, Annotations annotations, SourceLocation location) {}
