package dev.polyglot.translate.event;

import dev.polyglot.idl.Scalar;
import org.apache.thrift.protocol.TType;

/**
 * A compiled type: everything a reader or writer needs to know about a value's type, precomputed
 * so the hot path does field reads and switches, never lookups. Immutable and shared.
 */
public final class TypePlan {
  private static final int VARINT = com.google.protobuf.WireFormat.WIRETYPE_VARINT;
  private static final int FIXED64 = com.google.protobuf.WireFormat.WIRETYPE_FIXED64;
  private static final int LEN = com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int FIXED32 = com.google.protobuf.WireFormat.WIRETYPE_FIXED32;

  private final TypeKind kind;
  private final Scalar scalar;
  private final long min;
  private final long max;
  private final TypePlan element;
  private final TypePlan key;
  private final StructPlan struct;
  private final EnumPlan enumPlan;
  private final byte thriftType;
  private final int protoWireType;
  private final String display;

  private TypePlan(
      TypeKind kind,
      Scalar scalar,
      long min,
      long max,
      TypePlan element,
      TypePlan key,
      StructPlan struct,
      EnumPlan enumPlan,
      byte thriftType,
      int protoWireType,
      String display) {
    this.kind = kind;
    this.scalar = scalar;
    this.min = min;
    this.max = max;
    this.element = element;
    this.key = key;
    this.struct = struct;
    this.enumPlan = enumPlan;
    this.thriftType = thriftType;
    this.protoWireType = protoWireType;
    this.display = display;
  }

  static TypePlan scalar(Scalar s) {
    String display = s.thriftName() != null ? s.thriftName() : s.protoName();
    switch (s) {
      case BOOL:
        return new TypePlan(TypeKind.BOOL, s, 0, 1, null, null, null, null, TType.BOOL, VARINT, display);
      case I8:
        return integer(s, Byte.MIN_VALUE, Byte.MAX_VALUE, TType.BYTE, VARINT, display);
      case I16:
        return integer(s, Short.MIN_VALUE, Short.MAX_VALUE, TType.I16, VARINT, display);
      case I32:
      case INT32:
      case SINT32:
        return integer(s, Integer.MIN_VALUE, Integer.MAX_VALUE, TType.I32, VARINT, display);
      case SFIXED32:
        return integer(s, Integer.MIN_VALUE, Integer.MAX_VALUE, TType.I32, FIXED32, display);
      case UINT32:
        return integer(s, 0, 0xFFFF_FFFFL, TType.I64, VARINT, display);
      case FIXED32:
        return integer(s, 0, 0xFFFF_FFFFL, TType.I64, FIXED32, display);
      case I64:
      case INT64:
      case SINT64:
      case UINT64:
        return integer(s, Long.MIN_VALUE, Long.MAX_VALUE, TType.I64, VARINT, display);
      case SFIXED64:
      case FIXED64:
        return integer(s, Long.MIN_VALUE, Long.MAX_VALUE, TType.I64, FIXED64, display);
      case DOUBLE:
        return new TypePlan(TypeKind.FLOATING, s, 0, 0, null, null, null, null, TType.DOUBLE, FIXED64, display);
      case FLOAT:
        return new TypePlan(TypeKind.FLOATING, s, 0, 0, null, null, null, null, TType.DOUBLE, FIXED32, display);
      case STRING:
        return new TypePlan(TypeKind.STRING, s, 0, 0, null, null, null, null, TType.STRING, LEN, display);
      case BINARY:
        return new TypePlan(TypeKind.BINARY, s, 0, 0, null, null, null, null, TType.STRING, LEN, display);
      case UUID:
        return new TypePlan(TypeKind.UUID, s, 0, 0, null, null, null, null, TType.UUID, LEN, display);
    }
    throw new AssertionError(s);
  }

  private static TypePlan integer(Scalar s, long min, long max, byte ttype, int wire, String display) {
    return new TypePlan(TypeKind.INTEGER, s, min, max, null, null, null, null, ttype, wire, display);
  }

  static TypePlan ofEnum(EnumPlan e) {
    return new TypePlan(TypeKind.ENUM, null, Integer.MIN_VALUE, Integer.MAX_VALUE, null, null, null, e, TType.I32, VARINT, e.qualifiedName());
  }

  static TypePlan ofStruct(StructPlan s) {
    return new TypePlan(TypeKind.STRUCT, null, 0, 0, null, null, s, null, TType.STRUCT, LEN, s.qualifiedName());
  }

  static TypePlan listOf(TypePlan element) {
    return new TypePlan(TypeKind.LIST, null, 0, 0, element, null, null, null, TType.LIST, LEN, "list<" + element.display + ">");
  }

  static TypePlan setOf(TypePlan element) {
    return new TypePlan(TypeKind.SET, null, 0, 0, element, null, null, null, TType.SET, LEN, "set<" + element.display + ">");
  }

  static TypePlan mapOf(TypePlan key, TypePlan value) {
    return new TypePlan(TypeKind.MAP, null, 0, 0, value, key, null, null, TType.MAP, LEN, "map<" + key.display + "," + value.display + ">");
  }

  public TypeKind kind() {
    return kind;
  }

  /** The scalar for BOOL, INTEGER, FLOATING, STRING, BINARY and UUID kinds; null otherwise. */
  public Scalar scalar() {
    return scalar;
  }

  /** Smallest value of an INTEGER or ENUM kind (unsigned 64-bit kinds: raw bits, unchecked). */
  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  /** The element type of a list or set, or the value type of a map; null otherwise. */
  public TypePlan element() {
    return element;
  }

  /** The key type of a map; null otherwise. */
  public TypePlan key() {
    return key;
  }

  /** The struct of a STRUCT kind; null otherwise. */
  public StructPlan struct() {
    return struct;
  }

  /** The enum of an ENUM kind; null otherwise. */
  public EnumPlan enumPlan() {
    return enumPlan;
  }

  /** The Thrift {@code TType} this type is written as (proto-only kinds map to the nearest). */
  public byte thriftType() {
    return thriftType;
  }

  /** The protobuf wire type of one value of this type (LEN for containers). */
  public int protoWireType() {
    return protoWireType;
  }

  /** Whether a repeated field of this element type may be packed in protobuf. */
  public boolean isPackable() {
    return kind == TypeKind.BOOL || kind == TypeKind.INTEGER || kind == TypeKind.FLOATING || kind == TypeKind.ENUM;
  }

  /** {@code list<map<string,i64>>}, for messages. */
  public String display() {
    return display;
  }

  /**
   * Throws unless {@code value} fits this INTEGER or ENUM type. The message names the range:
   * {@code 300 is out of range (expected: an i8 between -128 and 127)}.
   */
  public void checkRange(long value) {
    if (value < min || value > max) throw outOfRange(value);
  }

  TranscodeException outOfRange(long value) {
    return TranscodeException.of(value + " is out of range (expected: " + article(display) + " between " + min + " and " + max + ")");
  }

  static String article(String noun) {
    char c = Character.toLowerCase(noun.charAt(0));
    return (c == 'a' || c == 'e' || c == 'i' || c == 'o' ? "an " : "a ") + noun;
  }

  @Override
  public String toString() {
    return display;
  }
}
