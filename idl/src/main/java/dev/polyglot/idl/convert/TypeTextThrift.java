package dev.polyglot.idl.convert;

import dev.polyglot.idl.TypeRef;

/** Thrift spelling of a (Thrift) type, for comments and messages. */
final class TypeTextThrift {
  private TypeTextThrift() {}

  static String show(TypeRef t) {
    if (t instanceof TypeRef.Base b) return b.scalar().thriftName() != null ? b.scalar().thriftName() : b.scalar().protoName();
    if (t instanceof TypeRef.ListOf l) return "list<" + show(l.element()) + ">";
    if (t instanceof TypeRef.SetOf s) return "set<" + show(s.element()) + ">";
    if (t instanceof TypeRef.MapOf m) return "map<" + show(m.key()) + ", " + show(m.value()) + ">";
    if (t instanceof TypeRef.Named n) return n.qualifiedName().substring(n.qualifiedName().lastIndexOf('.') + 1);
    return "void";
  }
}
