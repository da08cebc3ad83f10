package dev.polyglot.idl;

/**
 * Thrift requiredness, also used for proto labels: proto2 {@code required} is {@link #REQUIRED};
 * proto fields with explicit presence ({@code optional} in proto2/proto3) are {@link #OPTIONAL};
 * proto3 implicit-presence scalars, repeated and map fields are {@link #DEFAULT}. Whether a field can
 * say "unset" on the wire is {@link FieldDef#hasPresence()}, which also covers proto message fields
 * and oneof members.
 */
public enum Requiredness {
  REQUIRED,
  OPTIONAL,
  DEFAULT
}
