package dev.polyglot.translate.event;

import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.IdlKind;
import org.apache.thrift.protocol.TField;

/**
 * A compiled field: its position in the struct, its type, and the per-format headers precomputed
 * (a Thrift {@link TField}, protobuf tags). Immutable and shared.
 */
public final class FieldPlan {
  private final int index;
  private final FieldDef def;
  private final TypePlan type;
  private final TField thriftField;
  private final int protoTag;
  private final int protoPackedTag;
  private final boolean packed;
  private final boolean implicitPresence;

  FieldPlan(int index, FieldDef def, TypePlan type, IdlKind idl) {
    this.index = index;
    this.def = def;
    this.type = type;
    this.thriftField = new TField(def.name(), type.thriftType(), (short) def.id());
    TypeKind k = type.kind();
    int wire = (k == TypeKind.LIST || k == TypeKind.SET) ? type.element().protoWireType() : type.protoWireType();
    this.protoTag = (def.id() << 3) | wire;
    this.protoPackedTag = (def.id() << 3) | com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED;
    // A Thrift list has no packing option; its protobuf encoding follows proto3, where packed is
    // the default (as a .proto converted from the Thrift IDL would declare).
    this.packed = (k == TypeKind.LIST || k == TypeKind.SET) && type.element().isPackable() && (def.packed() || idl == IdlKind.THRIFT);
    this.implicitPresence =
        idl == IdlKind.PROTO
            && !def.hasPresence()
            && def.oneofIndex() < 0
            && k != TypeKind.STRUCT
            && k != TypeKind.LIST
            && k != TypeKind.SET
            && k != TypeKind.MAP;
  }

  /** Position in {@link StructPlan#field(int)}; what {@link ValueSink#field(int)} carries. */
  public int index() {
    return index;
  }

  /** Thrift field id or proto field number. */
  public int id() {
    return def.id();
  }

  public String name() {
    return def.name();
  }

  public String jsonName() {
    return def.jsonName();
  }

  public FieldDef def() {
    return def;
  }

  public TypePlan type() {
    return type;
  }

  public boolean isRequired() {
    return def.isRequired();
  }

  /** The Thrift field header (name, TType, id), shared by every write. */
  public TField thriftField() {
    return thriftField;
  }

  /**
   * The protobuf tag of one value: for a list or set, of one unpacked element; for a map, of one
   * entry.
   */
  public int protoTag() {
    return protoTag;
  }

  /** The length-delimited tag a packed repeated field is written with. */
  public int protoPackedTag() {
    return protoPackedTag;
  }

  /** Whether a protobuf writer packs this repeated field. */
  public boolean isPacked() {
    return packed;
  }

  /**
   * proto3 implicit presence: a protobuf writer omits the default value (0, false, "", empty bytes,
   * enum 0), as protobuf does.
   */
  public boolean hasImplicitPresence() {
    return implicitPresence;
  }

  @Override
  public String toString() {
    return def.name() + " (" + def.id() + ": " + type.display() + ")";
  }
}
