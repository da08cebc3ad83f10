package dev.polyglot.idl;

/**
 * Base types of both IDLs. Thrift and proto share {@link #BOOL}, {@link #DOUBLE}, {@link #STRING}
 * and {@link #BINARY} (proto {@code bytes}); the others belong to one IDL. The proto integer kinds
 * are kept apart because they differ on the wire (varint, zigzag, fixed).
 */
public enum Scalar {
  BOOL("bool", "bool", 0, true),
  // Thrift
  I8("i8", null, 8, true),
  I16("i16", null, 16, true),
  I32("i32", null, 32, true),
  I64("i64", null, 64, true),
  UUID("uuid", null, 0, false),
  // Shared
  DOUBLE("double", "double", 0, true),
  STRING("string", "string", 0, false),
  BINARY("binary", "bytes", 0, false),
  // Proto
  FLOAT(null, "float", 0, true),
  INT32(null, "int32", 32, true),
  SINT32(null, "sint32", 32, true),
  SFIXED32(null, "sfixed32", 32, true),
  UINT32(null, "uint32", 32, false),
  FIXED32(null, "fixed32", 32, false),
  INT64(null, "int64", 64, true),
  SINT64(null, "sint64", 64, true),
  SFIXED64(null, "sfixed64", 64, true),
  UINT64(null, "uint64", 64, false),
  FIXED64(null, "fixed64", 64, false);

  private final String thriftName;
  private final String protoName;
  private final int integerBits;
  private final boolean signed;

  Scalar(String thriftName, String protoName, int integerBits, boolean signed) {
    this.thriftName = thriftName;
    this.protoName = protoName;
    this.integerBits = integerBits;
    this.signed = signed;
  }

  /** The Thrift spelling, or null for a proto-only type. */
  public String thriftName() {
    return thriftName;
  }

  /** The proto spelling, or null for a Thrift-only type. */
  public String protoName() {
    return protoName;
  }

  /** True for every integer kind (not bool, not floating point). */
  public boolean isInteger() {
    return integerBits != 0;
  }

  /** Width of an integer kind in bits (8, 16, 32, 64); 0 for non-integers. */
  public int integerBits() {
    return integerBits;
  }

  /** For integers: whether the range is signed. uint32/fixed32/uint64/fixed64 are unsigned. */
  public boolean isSigned() {
    return signed;
  }

  public boolean isFloatingPoint() {
    return this == DOUBLE || this == FLOAT;
  }

  /** The scalar for a Thrift base-type keyword, or null. */
  public static Scalar forThriftName(String name) {
    for (Scalar s : values()) if (name.equals(s.thriftName)) return s;
    return null;
  }

  /** The scalar for a proto scalar keyword, or null. */
  public static Scalar forProtoName(String name) {
    for (Scalar s : values()) if (name.equals(s.protoName)) return s;
    return null;
  }
}
