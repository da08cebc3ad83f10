package dev.polyglot.idl.compat;

import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;

/** Spells types and definitions the way each IDL writes them, for messages and reports. */
final class TypeText {
  private TypeText() {}

  static String show(TypeRef t, IdlKind idl) {
    if (t instanceof TypeRef.Void) return idl == IdlKind.THRIFT ? "void" : "google.protobuf.Empty";
    if (t instanceof TypeRef.Base b) {
      String name = idl == IdlKind.PROTO ? b.scalar().protoName() : b.scalar().thriftName();
      return name != null ? name : b.display();
    }
    if (t instanceof TypeRef.ListOf l) return idl == IdlKind.PROTO ? "repeated " + show(l.element(), idl) : "list<" + show(l.element(), idl) + ">";
    if (t instanceof TypeRef.SetOf s) return "set<" + show(s.element(), idl) + ">";
    if (t instanceof TypeRef.MapOf m) return "map<" + show(m.key(), idl) + "," + show(m.value(), idl) + ">";
    return ((TypeRef.Named) t).qualifiedName();
  }

  /** {@code struct warehouse.Item}, {@code message acme.v1.Item}, {@code arguments of warehouse.Warehouse.getItem}. */
  static String describe(StructDef s) {
    return switch (s.kind()) {
      case STRUCT -> "struct " + s.qualifiedName();
      case UNION -> "union " + s.qualifiedName();
      case EXCEPTION -> "exception " + s.qualifiedName();
      case MESSAGE -> "message " + s.qualifiedName();
      case ARGS -> "the arguments of " + argsOwner(s);
    };
  }

  private static String argsOwner(StructDef s) {
    String qn = s.qualifiedName();
    return s.kind() == StructKind.ARGS && qn.endsWith("_args") ? qn.substring(0, qn.length() - "_args".length()) : qn;
  }
}
