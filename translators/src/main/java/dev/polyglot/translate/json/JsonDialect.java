package dev.polyglot.translate.json;

/** The two JSON dialects of DESIGN.md "JSON", chosen by the IDL of the service a caller addresses. */
public enum JsonDialect {
  /**
   * Thrift view: IDL field names; i64 as exact numbers (digit strings accepted on input); enums by
   * name (numbers accepted); binary as standard base64; sets as arrays; map keys that are not
   * strings as their JSON text; NaN and ±Infinity as strings; unset optional fields omitted.
   */
  THRIFT,
  /**
   * The proto3 JSON mapping: lowerCamelCase names on output (declared names accepted on input),
   * 64-bit integers as strings, enums by name, bytes as base64, implicit-presence fields at their
   * default omitted, well-known types in their JSON forms.
   */
  PROTO
}
