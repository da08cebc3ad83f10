package dev.polyglot.idl;

/** A Thrift {@code typedef}; {@code target} is fully resolved (chains followed). */
public record TypedefDef(String qualifiedName, String name, TypeRef target, Annotations annotations, SourceLocation location) {}
