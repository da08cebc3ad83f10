package dev.polyglot.idl;

/** A Thrift {@code const}: qualified as {@code <file stem>.<NAME>}. */
public record ConstDef(String qualifiedName, String name, TypeRef type, ConstValue value, SourceLocation location) {}
