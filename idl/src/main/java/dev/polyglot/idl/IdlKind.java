package dev.polyglot.idl;

/** The IDL a definition came from; decides naming rules, JSON dialect and wire formats. */
public enum IdlKind {
  THRIFT,
  PROTO
}
