package dev.polyglot.idl.convert;

import dev.polyglot.idl.ConstValue;
import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.HttpRule;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.idl.compat.NameRules;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Converts one loaded proto file to Thrift IDL that {@link dev.polyglot.idl.compat.Compatibility}
 * binds to the proto service with no problems (streaming methods aside, which Thrift cannot express).
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>{@code namespace * <package>}. The Thrift service is named by the file the text is saved in
 *       ({@code <stem>.<Service>}); the suggested name is the proto file's stem + {@code .thrift}.
 *   <li>Messages become structs named by their path inside the package ({@code Outer.Inner} →
 *       {@code Outer_Inner}), written dependencies first. A message whose fields all belong to one
 *       oneof becomes a {@code union}; other oneof members become {@code optional} fields with a
 *       comment naming the oneof. Fields with presence become {@code optional}; proto2 {@code
 *       required} stays {@code required}.
 *   <li>Enums keep their numbers; the {@code <ENUM>_} prefix is dropped (values correspond by name
 *       without it); an alias (a second name for a number) is kept as a comment.
 *   <li>Scalars: int32/sint32/sfixed32 → i32; int64/sint64/sfixed64 → i64; uint32/fixed32/uint64/
 *       fixed64 → i64 (range-checked by the gateway); float → double; bytes → binary.
 *   <li>Well-known types: {@code google.protobuf.*Value} wrappers become {@code optional} scalars;
 *       other well-known messages used (Timestamp, Duration, Any, FieldMask, Struct, ...) are written
 *       as structs with the same field names and numbers. Types of other imported files become
 *       {@code include "<stem>.thrift"} and {@code <stem>.Name}.
 *   <li>Identifiers the Thrift compiler reserves ({@code from}, {@code end}, {@code list}, ...) get a
 *       trailing underscore; they still correspond, as names match ignoring underscores.
 *   <li>Services: the request message's fields become the arguments (same ids and names);
 *       {@code google.protobuf.Empty} or an empty message as request means no arguments, as
 *       response means {@code void}; any other response message is the struct result. Method names
 *       become lowerCamelCase. Streaming rpcs are left out with a comment. The first HTTP rule
 *       becomes {@code http.<verb>}/{@code http.body} annotations.
 * </ul>
 */
public final class ProtoToThrift {
  private static final String WKT = "google.protobuf.";

  private final Schema schema;
  private final IdlFile file;
  private final Set<String> includes = new LinkedHashSet<>();
  private final Deque<String> pendingWkt = new ArrayDeque<>();
  private final Set<String> written = new HashSet<>();

  private ProtoToThrift(Schema schema, IdlFile file) {
    this.schema = schema;
    this.file = file;
  }

  /** @param file a proto file of {@code schema} */
  public static String convert(Schema schema, IdlFile file) {
    if (file.idl() != IdlKind.PROTO) throw new IllegalArgumentException(file.path() + " is not a proto file");
    return new ProtoToThrift(schema, file).write();
  }

  /** The file name suggested for the converted file: the proto file's stem + {@code .thrift}. */
  public static String thriftFileName(IdlFile file) {
    return stem(file.path()) + ".thrift";
  }

  private static String stem(String path) {
    String name = Path.of(path).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private String write() {
    StringBuilder body = new StringBuilder();
    for (String qn : file.enums()) enumDef(schema.requireEnum(qn), body);
    for (String qn : file.structs()) struct(qn, body);
    while (!pendingWkt.isEmpty()) {
      String qn = pendingWkt.poll();
      struct(qn, body);
    }
    for (String qn : file.services()) service(schema.service(qn).orElseThrow(), body);

    StringBuilder out = new StringBuilder();
    out.append("// Converted from ").append(file.path()).append(" by polyglot idl convert.\n");
    if (!file.scope().isEmpty()) out.append("namespace * ").append(file.scope()).append('\n');
    for (String i : includes) out.append("include \"").append(i).append("\"\n");
    out.append('\n').append(body);
    return out.toString().stripTrailing() + "\n";
  }

  // ---- names -----------------------------------------------------------------------------------

  /** Name inside this Thrift file for a type defined in {@code owner}. */
  private static String localName(String qualifiedName, IdlFile owner) {
    String scope = owner == null ? "" : owner.scope();
    String rest = !scope.isEmpty() && qualifiedName.startsWith(scope + ".") ? qualifiedName.substring(scope.length() + 1) : qualifiedName;
    if (qualifiedName.startsWith(WKT)) rest = qualifiedName.substring(WKT.length());
    return ident(rest.replace('.', '_'));
  }

  /**
   * Words the Apache Thrift compiler refuses as identifiers: its own keywords and the words it
   * reserves for target languages.
   */
  private static final Set<String> RESERVED = Set.of(
      "include", "cpp_include", "namespace", "const", "typedef", "enum", "senum", "struct", "union", "exception",
      "extends", "throws", "service", "required", "optional", "oneway", "async", "void", "bool", "byte", "i8", "i16",
      "i32", "i64", "double", "string", "binary", "slist", "list", "map", "set", "uuid", "true", "false",
      "xsd_all", "xsd_optional", "xsd_nillable", "xsd_attrs", "cpp_type",
      "BEGIN", "END", "__CLASS__", "__DIR__", "__FILE__", "__FUNCTION__", "__LINE__", "__METHOD__", "__NAMESPACE__",
      "abstract", "alias", "and", "args", "as", "assert", "begin", "break", "case", "catch", "class", "clone",
      "continue", "declare", "def", "default", "del", "delete", "do", "dynamic", "elif", "else", "elseif", "elsif",
      "end", "enddeclare", "endfor", "endforeach", "endif", "endswitch", "endwhile", "ensure", "except", "exec",
      "finally", "float", "for", "foreach", "from", "function", "global", "goto", "if", "implements", "import", "in",
      "inline", "instanceof", "interface", "is", "lambda", "module", "native", "new", "next", "nil", "not", "or",
      "package", "pass", "public", "print", "private", "protected", "raise", "redo", "rescue", "retry", "register",
      "return", "self", "sizeof", "static", "super", "switch", "synchronized", "then", "this", "throw", "transient",
      "try", "undef", "unless", "unsigned", "until", "use", "var", "virtual", "volatile", "when", "while", "with",
      "xor", "yield");

  /** A reserved word gets a trailing underscore; names still correspond, as matching ignores underscores. */
  private static String ident(String name) {
    return RESERVED.contains(name) ? name + "_" : name;
  }

  private IdlFile ownerOf(String qualifiedName) {
    for (IdlFile f : schema.files()) {
      if (f.structs().contains(qualifiedName) || f.enums().contains(qualifiedName)) return f;
    }
    return null;
  }

  private String typeName(String qualifiedName) {
    if (qualifiedName.startsWith(WKT)) {
      if (!written.contains(qualifiedName) && !pendingWkt.contains(qualifiedName)) pendingWkt.add(qualifiedName);
      return localName(qualifiedName, null);
    }
    IdlFile owner = ownerOf(qualifiedName);
    if (owner == null || owner.path().equals(file.path())) return localName(qualifiedName, file);
    includes.add(thriftFileName(owner));
    return stem(owner.path()) + "." + localName(qualifiedName, owner);
  }

  /** A {@code google.protobuf.*Value} wrapper's scalar, or null. */
  private Scalar wktWrapped(TypeRef t) {
    if (!(t instanceof TypeRef.Named n) || n.kind() != TypeRef.NamedKind.STRUCT || !n.qualifiedName().startsWith(WKT)
        || !n.qualifiedName().endsWith("Value")) {
      return null;
    }
    StructDef s = schema.struct(n.qualifiedName()).orElse(null);
    if (s == null || s.fields().size() != 1 || !(s.fields().get(0).type() instanceof TypeRef.Base b)) return null;
    return b.scalar();
  }

  private String type(TypeRef t) {
    Scalar wrapped = wktWrapped(t);
    if (wrapped != null) return scalar(wrapped);
    if (t instanceof TypeRef.Base b) return scalar(b.scalar());
    if (t instanceof TypeRef.ListOf l) return "list<" + type(l.element()) + ">";
    if (t instanceof TypeRef.SetOf s) return "set<" + type(s.element()) + ">";
    if (t instanceof TypeRef.MapOf m) return "map<" + type(m.key()) + ", " + type(m.value()) + ">";
    return typeName(((TypeRef.Named) t).qualifiedName());
  }

  private static String scalar(Scalar s) {
    return switch (s) {
      case BOOL -> "bool";
      case INT32, SINT32, SFIXED32, I32 -> "i32";
      case INT64, SINT64, SFIXED64, UINT32, FIXED32, UINT64, FIXED64, I64 -> "i64";
      case FLOAT, DOUBLE -> "double";
      case STRING -> "string";
      case BINARY -> "binary";
      case I8 -> "i8";
      case I16 -> "i16";
      case UUID -> "uuid";
    };
  }

  // ---- enums -----------------------------------------------------------------------------------

  private void enumDef(EnumDef e, StringBuilder out) {
    out.append("enum ").append(localName(e.qualifiedName(), file)).append(" {\n");
    Set<Integer> numbers = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (EnumValueDef v : e.values()) {
      String name = ident(thriftEnumValue(e, v.name()));
      if (!numbers.add(v.number()) || !names.add(name)) {
        out.append("  // ").append(v.name()).append(" = ").append(v.number()).append(": an alias in proto\n");
        continue;
      }
      out.append("  ").append(name).append(" = ").append(v.number()).append('\n');
    }
    out.append("}\n\n");
  }

  private static String thriftEnumValue(EnumDef e, String protoName) {
    String prefix = NameRules.enumValuePrefix(e);
    String upper = protoName.toUpperCase(Locale.ROOT);
    if (upper.startsWith(prefix) && upper.length() > prefix.length() && Character.isLetter(protoName.charAt(prefix.length()))) {
      return protoName.substring(prefix.length());
    }
    return protoName;
  }

  // ---- structs ---------------------------------------------------------------------------------

  /** Writes the struct after the structs its fields use (cycles are written in visiting order). */
  private void struct(String qn, StringBuilder out) {
    if (!written.add(qn)) return;
    EnumDef asEnum = schema.enumType(qn).orElse(null);
    if (asEnum != null) { // a well-known enum such as google.protobuf.NullValue
      enumDef(asEnum, out);
      return;
    }
    StructDef s = schema.requireStruct(qn);
    if (s.mapEntry() || wktWrapped(TypeRef.named(qn, TypeRef.NamedKind.STRUCT)) != null) return;
    for (FieldDef f : s.fields()) dependencies(f.type(), out);
    boolean union = !s.oneofs().isEmpty() && s.oneofs().size() == 1 && s.fields().stream().allMatch(f -> f.oneofIndex() == 0);
    out.append(union ? "union " : "struct ").append(localName(qn, qn.startsWith(WKT) ? null : ownerOf(qn))).append(" {\n");
    for (FieldDef f : s.fields()) {
      out.append("  ").append(f.id()).append(": ");
      if (!union) {
        if (f.isRequired()) out.append("required ");
        else if (f.hasPresence() || wktWrapped(f.type()) != null) out.append("optional ");
      }
      out.append(type(f.type())).append(' ').append(ident(f.name()));
      if (f.defaultValue() != null) out.append(" = ").append(defaultValue(f.defaultValue()));
      if (!union && f.oneofIndex() >= 0) out.append(" // oneof ").append(s.oneofs().get(f.oneofIndex()).name());
      out.append('\n');
    }
    out.append("}\n\n");
  }

  /** A proto2 default in Thrift syntax; an enum value by its Thrift name ({@code Color.GREEN}). */
  private String defaultValue(ConstValue v) {
    if (v instanceof ConstValue.EnumRef ref) {
      EnumDef e = schema.requireEnum(ref.enumName());
      return typeName(e.qualifiedName()) + "." + ident(thriftEnumValue(e, ref.valueName()));
    }
    return ConstText.of(v);
  }

  private void dependencies(TypeRef t, StringBuilder out) {
    if (t instanceof TypeRef.ListOf l) dependencies(l.element(), out);
    else if (t instanceof TypeRef.SetOf s) dependencies(s.element(), out);
    else if (t instanceof TypeRef.MapOf m) {
      dependencies(m.key(), out);
      dependencies(m.value(), out);
    } else if (t instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.STRUCT && wktWrapped(t) == null) {
      String qn = n.qualifiedName();
      if (qn.startsWith(WKT)) pendingWkt.remove(qn);
      if (qn.startsWith(WKT) || file.structs().contains(qn)) struct(qn, out);
    }
  }

  // ---- services --------------------------------------------------------------------------------

  private boolean isEmptyMessage(TypeRef.Named t) {
    return t.qualifiedName().equals(WKT + "Empty") || schema.struct(t.qualifiedName()).map(s -> s.fields().isEmpty()).orElse(false);
  }

  private void service(ServiceDef s, StringBuilder out) {
    // Request/response messages from elsewhere (e.g. well-known types) must be declared before use.
    for (MethodDef m : s.methods()) {
      if (m.streaming() != StreamingKind.UNARY) continue;
      if (!isEmptyMessage(m.request())) dependencies(m.request(), out);
      if (m.response() instanceof TypeRef.Named r && !isEmptyMessage(r)) dependencies(r, out);
    }
    while (!pendingWkt.isEmpty()) struct(pendingWkt.poll(), out);

    out.append("service ").append(ident(s.name())).append(" {\n");
    for (MethodDef m : s.methods()) {
      if (m.streaming() != StreamingKind.UNARY) {
        out.append("  // ").append(m.name()).append(": a ").append(m.streaming().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .append(" rpc has no Thrift counterpart\n");
        continue;
      }
      TypeRef.Named response = (TypeRef.Named) m.response();
      out.append("  ").append(isEmptyMessage(response) ? "void" : type(response)).append(' ').append(ident(NameRules.lowerCamel(m.name()))).append('(');
      if (!isEmptyMessage(m.request())) {
        List<String> args = new ArrayList<>();
        for (FieldDef f : schema.requireStruct(m.request().qualifiedName()).fields()) args.add(f.id() + ": " + type(f.type()) + " " + ident(f.name()));
        out.append(String.join(", ", args));
      }
      out.append(')');
      if (!m.httpRules().isEmpty()) {
        HttpRule h = m.httpRules().get(0);
        out.append(" (http.").append(h.verb().toLowerCase(Locale.ROOT)).append(" = ").append(ConstText.quote(h.pathTemplate()));
        if (!h.body().isEmpty() && !h.body().equals("*")) out.append(", http.body = ").append(ConstText.quote(h.body()));
        out.append(')');
      }
      out.append('\n');
    }
    out.append("}\n\n");
  }
}
