package dev.polyglot.idl;

/**
 * A field of a struct/message, a Thrift method argument or a declared exception ({@code throws}).
 *
 * @param id the Thrift field id or proto field number
 * @param name the name as declared in the IDL
 * @param jsonName the proto3 JSON name (lowerCamelCase or {@code json_name}); for Thrift the IDL name
 * @param type resolved type, never a typedef and never {@link TypeRef#VOID}
 * @param requiredness see {@link Requiredness}
 * @param hasPresence whether "unset" is distinguishable from a default value on the wire: Thrift
 *     optional fields (and required ones, which are always set), proto fields with explicit
 *     presence, proto message-typed fields and oneof members; false for proto3 implicit scalars,
 *     repeated and map fields, and Thrift default-requiredness fields
 * @param defaultValue declared default value, or null
 * @param oneofIndex index into {@link StructDef#oneofs()} or -1 (proto3 synthetic oneofs of
 *     {@code optional} fields are not exposed: such a field has -1 and {@code hasPresence})
 * @param packed proto repeated scalar packing on the wire (proto3 default true); false for Thrift
 */
public record FieldDef(
    int id,
    String name,
    String jsonName,
    TypeRef type,
    Requiredness requiredness,
    boolean hasPresence,
    ConstValue defaultValue,
    int oneofIndex,
    boolean packed,
    Annotations annotations,
    SourceLocation location) {

  public boolean isRequired() {
    return requiredness == Requiredness.REQUIRED;
  }

  public boolean isOptional() {
    return requiredness == Requiredness.OPTIONAL;
  }
}
