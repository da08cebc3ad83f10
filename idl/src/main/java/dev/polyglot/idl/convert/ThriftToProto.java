package dev.polyglot.idl.convert;

import dev.polyglot.idl.ConstDef;
import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.HttpRule;
import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.idl.TypedefDef;
import dev.polyglot.idl.compat.NameRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts one loaded Thrift file to a proto3 file that a team can start a gRPC service from, and
 * that {@link dev.polyglot.idl.compat.Compatibility} binds to the Thrift service with no problems.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Package: {@code namespace java}, else {@code namespace *}, else the file stem; {@code .v1} is
 *       appended when that equals the file stem, so the proto service never has the Thrift service's
 *       qualified name ({@code warehouse.Warehouse} vs {@code warehouse.v1.Warehouse}).
 *   <li>Includes become imports of {@code <stem>.proto}, the name this converter suggests for the
 *       converted included file; their types are referenced by that file's package.
 *   <li>Per method: {@code <Method>Request} holds the arguments under their ids (ids below 1 or in
 *       proto's reserved range are renumbered after the highest id); a method without arguments
 *       takes {@code google.protobuf.Empty}. The response is the struct itself for a struct, union or
 *       exception result, {@code google.protobuf.Empty} for void and oneway, else {@code
 *       <Method>Response} with the single field {@code value = 1}. A name already taken gets the
 *       service name in front.
 *   <li>Containers that proto cannot nest (containers inside containers, containers in a oneof) are
 *       held by wrapper messages named after the type ({@code list<i64>} → {@code I64List} with
 *       {@code repeated int64 values = 1}, maps {@code entries = 1}).
 *   <li>Enums: {@code <ENUM>_UNSPECIFIED = 0} first, values prefixed {@code <ENUM>_}; a Thrift value
 *       numbered 0 is renumbered after the highest (values correspond by name, not number).
 *   <li>Fields: names in lower_snake_case (they correspond ignoring case and underscores); Thrift
 *       {@code optional} scalars and enums become proto3 {@code optional}; defaults, typedefs,
 *       constants and annotations are kept as comments, except {@code http.*} method annotations,
 *       which become the {@code google.api.http} option. uuid → string; i8/i16 → int32; set →
 *       repeated.
 *   <li>An enum map key becomes a {@code string} key holding the value name. Not convertible
 *       (reported with the field's location): other map keys that proto forbids (struct,
 *       container, double, binary).
 * </ul>
 */
public final class ThriftToProto {
  private static final String EMPTY = "google.protobuf.Empty";

  private final Schema schema;
  private final IdlFile file;
  private final String pkg;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> imports = new LinkedHashSet<>();
  private final Set<String> usedNames = new HashSet<>();
  private final Map<String, String> wrappers = new LinkedHashMap<>();
  /** Request and response names per method, by declaring service: inherited methods reuse them. */
  private final Map<String, String[]> methodMessages = new HashMap<>();
  /** Set while writing a {@code <Method>Response}: names the method in problems. */
  private String resultOf;

  private ThriftToProto(Schema schema, IdlFile file) {
    this.schema = schema;
    this.file = file;
    this.pkg = protoPackage(file);
  }

  /**
   * @param file a Thrift file of {@code schema}
   * @return the proto3 text
   * @throws IdlException listing every construct that cannot be converted, with its location
   */
  public static String convert(Schema schema, IdlFile file) throws IdlException {
    if (file.idl() != IdlKind.THRIFT) throw new IllegalArgumentException(file.path() + " is not a Thrift file");
    return new ThriftToProto(schema, file).write();
  }

  /** The package the converted file declares; see the class notes. */
  public static String protoPackage(IdlFile file) {
    String ns = file.namespaces().get("java");
    if (ns == null) ns = file.namespaces().get("*");
    if (ns == null) ns = file.scope();
    return ns.equals(file.scope()) ? ns + ".v1" : ns;
  }

  /** The file name suggested for the converted file: {@code <stem>.proto}. */
  public static String protoFileName(IdlFile file) {
    return file.scope() + ".proto";
  }

  private String write() throws IdlException {
    for (String s : file.structs()) schema.struct(s).ifPresent(d -> usedNames.add(d.name()));
    for (String e : file.enums()) schema.enumType(e).ifPresent(d -> usedNames.add(d.name()));

    StringBuilder body = new StringBuilder();
    for (ConstDef c : file.constants()) {
      body.append("// const ").append(TypeTextThrift.show(c.type())).append(' ').append(c.name()).append(" = ").append(ConstText.of(c.value())).append('\n');
    }
    for (TypedefDef t : file.typedefs()) {
      body.append("// typedef ").append(TypeTextThrift.show(t.target())).append(' ').append(t.name()).append('\n');
    }
    if (!file.constants().isEmpty() || !file.typedefs().isEmpty()) body.append('\n');

    for (String qn : file.enums()) enumDef(schema.requireEnum(qn), body);
    for (String qn : file.structs()) {
      StructDef s = schema.requireStruct(qn);
      if (s.kind() != StructKind.ARGS && !s.mapEntry()) message(s, s.name(), body);
    }
    StringBuilder services = new StringBuilder();
    StringBuilder rpcMessages = new StringBuilder();
    for (String qn : file.services()) service(schema.service(qn).orElseThrow(), services, rpcMessages);
    body.append(rpcMessages);
    for (String w : wrappers.values()) body.append(w);
    body.append(services);

    if (!problems.isEmpty()) throw new IdlException(problems);
    StringBuilder out = new StringBuilder();
    out.append("// Converted from ").append(file.path()).append(" by polyglot idl convert.\n");
    out.append("syntax = \"proto3\";\n\n");
    out.append("package ").append(pkg).append(";\n");
    if (!imports.isEmpty()) out.append('\n');
    for (String i : imports) out.append("import \"").append(i).append("\";\n");
    out.append('\n').append(body);
    return out.toString().stripTrailing() + "\n";
  }

  // ---- enums -----------------------------------------------------------------------------------

  private void enumDef(EnumDef e, StringBuilder out) {
    comments(e.annotations(), "", out);
    out.append("enum ").append(e.name()).append(" {\n");
    int max = 0;
    for (EnumValueDef v : e.values()) max = Math.max(max, v.number());
    boolean hasUnspecified = false;
    for (EnumValueDef v : e.values()) {
      if (NameRules.enumValueKey(e, v.name()).equals("unspecified")) hasUnspecified = true;
    }
    if (!hasUnspecified) out.append("  ").append(NameRules.enumValuePrefix(e)).append("UNSPECIFIED = 0;\n");
    for (EnumValueDef v : e.values()) {
      boolean unspecified = NameRules.enumValueKey(e, v.name()).equals("unspecified");
      int number = v.number();
      String note = "";
      if (unspecified && number != 0) {
        note = " // " + number + " in Thrift";
        number = 0;
      } else if (!unspecified && number == 0 && !hasUnspecified) {
        number = ++max;
        note = " // 0 in Thrift; values correspond by name";
      }
      out.append("  ").append(NameRules.prefixedEnumValue(e, v.name())).append(" = ").append(number).append(';').append(note).append('\n');
    }
    out.append("}\n\n");
  }

  // ---- messages --------------------------------------------------------------------------------

  private void message(StructDef s, String name, StringBuilder out) {
    comments(s.annotations(), "", out);
    if (s.isException()) out.append("// Thrift exception: travels as a google.rpc.Status detail.\n");
    out.append("message ").append(name).append(" {\n");
    List<Integer> numbers = fieldNumbers(s.fields());
    if (s.isUnion()) {
      String oneof = "value";
      for (FieldDef f : s.fields()) if (NameRules.lowerSnake(f.name()).equals(oneof)) oneof = "choice";
      out.append("  oneof ").append(oneof).append(" {\n");
      for (int i = 0; i < s.fields().size(); i++) field(s.fields().get(i), numbers.get(i), true, "    ", out);
      out.append("  }\n");
    } else {
      for (int i = 0; i < s.fields().size(); i++) field(s.fields().get(i), numbers.get(i), false, "  ", out);
    }
    out.append("}\n\n");
  }

  /** Thrift ids kept where proto accepts them; others after the highest id. */
  private static List<Integer> fieldNumbers(List<FieldDef> fields) {
    int max = 0;
    for (FieldDef f : fields) if (validNumber(f.id())) max = Math.max(max, f.id());
    List<Integer> out = new ArrayList<>();
    for (FieldDef f : fields) out.add(validNumber(f.id()) ? f.id() : ++max);
    return out;
  }

  private static boolean validNumber(int id) {
    return id >= 1 && (id < 19000 || id > 19999);
  }

  private void field(FieldDef f, int number, boolean inOneof, String indent, StringBuilder out) {
    comments(f.annotations(), indent, out);
    out.append(indent).append(fieldType(f, inOneof)).append(' ').append(NameRules.lowerSnake(f.name())).append(" = ").append(number).append(';');
    List<String> notes = new ArrayList<>();
    if (number != f.id()) notes.add("id " + f.id() + " in Thrift");
    if (f.isRequired()) notes.add("required in Thrift");
    if (f.type() instanceof TypeRef.Base b && b.scalar() == Scalar.UUID) notes.add("uuid, canonical text form");
    if (f.defaultValue() != null) notes.add("default " + ConstText.of(f.defaultValue()));
    if (f.type() instanceof TypeRef.MapOf m && m.key() instanceof TypeRef.Named k && k.kind() == TypeRef.NamedKind.ENUM) {
      notes.add("keys are " + simpleName(k.qualifiedName()) + " value names");
    }
    if (!notes.isEmpty()) out.append(" // ").append(String.join("; ", notes));
    out.append('\n');
  }

  /** Where a type is used, for problems: {@code field byPoint}, {@code the result of Legacy.heatmap}. */
  private record Site(String what, dev.polyglot.idl.SourceLocation location) {}

  private String fieldType(FieldDef f, boolean inOneof) {
    TypeRef t = f.type();
    Site where = new Site(resultOf != null ? "the result of " + resultOf : "field " + f.name(), f.location());
    if (!inOneof) {
      if (t instanceof TypeRef.ListOf l) return "repeated " + elementType(l.element(), where);
      if (t instanceof TypeRef.SetOf s) return "repeated " + elementType(s.element(), where);
      if (t instanceof TypeRef.MapOf m) return mapType(m, where);
    }
    String single = elementType(t, where);
    boolean scalarOrEnum = t instanceof TypeRef.Base || (t instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.ENUM);
    return !inOneof && f.isOptional() && scalarOrEnum ? "optional " + single : single;
  }

  /** The type in a singular position: containers become wrapper messages. */
  private String elementType(TypeRef t, Site where) {
    if (t instanceof TypeRef.Base b) return scalar(b.scalar());
    if (t instanceof TypeRef.Named n) return typeName(n.qualifiedName());
    return wrapper(t, where);
  }

  private String mapType(TypeRef.MapOf m, Site where) {
    String key = null;
    if (m.key() instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.ENUM) key = "string"; // the value's name
    if (m.key() instanceof TypeRef.Base b) {
      Scalar s = b.scalar();
      if (s.isInteger() || s == Scalar.BOOL || s == Scalar.STRING || s == Scalar.UUID) key = scalar(s);
    }
    if (key == null) {
      problems.add(Problem.of(where.location(), "cannot convert " + TypeTextThrift.show(m) + " of " + where.what()
          + " to proto (proto map keys are integers, bool or string)"));
      key = "string";
    }
    return "map<" + key + ", " + elementType(m.value(), where) + ">";
  }

  private String wrapper(TypeRef t, Site where) {
    String name = wrapperName(t);
    if (!wrappers.containsKey(name)) {
      wrappers.put(name, ""); // reserve first: the field type may name further wrappers
      String field;
      if (t instanceof TypeRef.ListOf l) field = "repeated " + elementType(l.element(), where) + " values = 1;";
      else if (t instanceof TypeRef.SetOf s) field = "repeated " + elementType(s.element(), where) + " values = 1;";
      else field = mapType((TypeRef.MapOf) t, where) + " entries = 1;";
      wrappers.put(name, "// Wrapper: stands for a " + TypeTextThrift.show(t) + " where proto cannot nest containers.\nmessage "
          + name + " {\n  " + field + "\n}\n\n");
    }
    return name;
  }

  private String wrapperName(TypeRef t) {
    if (t instanceof TypeRef.ListOf l) return word(l.element()) + "List";
    if (t instanceof TypeRef.SetOf s) return word(s.element()) + "Set";
    TypeRef.MapOf m = (TypeRef.MapOf) t;
    return word(m.key()) + word(m.value()) + "Map";
  }

  private String word(TypeRef t) {
    if (t instanceof TypeRef.Base b) return NameRules.upperCamel(b.scalar().thriftName());
    if (t instanceof TypeRef.Named n) return simpleName(n.qualifiedName());
    return wrapperName(t);
  }

  private static String scalar(Scalar s) {
    return switch (s) {
      case BOOL -> "bool";
      case I8, I16, I32 -> "int32";
      case I64 -> "int64";
      case DOUBLE -> "double";
      case STRING, UUID -> "string";
      case BINARY -> "bytes";
      default -> s.protoName();
    };
  }

  /** A type's proto name: simple within this file, package-qualified (and imported) from an included one. */
  private String typeName(String qualifiedName) {
    IdlFile owner = ownerOf(qualifiedName);
    if (owner == null || owner.path().equals(file.path())) return simpleName(qualifiedName);
    imports.add(protoFileName(owner));
    return protoPackage(owner) + "." + simpleName(qualifiedName);
  }

  private IdlFile ownerOf(String qualifiedName) {
    for (IdlFile f : schema.files()) {
      if (f.structs().contains(qualifiedName) || f.enums().contains(qualifiedName)) return f;
    }
    return null;
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  // ---- services --------------------------------------------------------------------------------

  private void service(ServiceDef s, StringBuilder out, StringBuilder messages) {
    comments(s.annotations(), "", out);
    if (s.extendsService() != null) out.append("// Thrift: extends ").append(s.extendsService()).append(" (its methods are included).\n");
    out.append("service ").append(s.name()).append(" {\n");
    for (MethodDef m : s.methods()) {
      String rpc = NameRules.upperCamel(m.name());
      String[] known = methodMessages.get(m.service() + "." + m.name());
      if (known != null) { // inherited, already written with the base service
        out.append("  rpc ").append(rpc).append('(').append(known[0]).append(") returns (").append(known[1]).append(");\n");
        continue;
      }
      StructDef args = schema.requireStruct(m.request().qualifiedName());
      String request;
      if (args.fields().isEmpty()) {
        request = empty();
      } else {
        request = freshName(rpc + "Request", s);
        StructDef asMessage = new StructDef(pkg + "." + request, request, IdlKind.THRIFT, StructKind.STRUCT, args.fields(), List.of(),
            false, dev.polyglot.idl.Annotations.NONE, args.location());
        messages.append("// Arguments of ").append(s.name()).append('.').append(m.name()).append(".\n");
        message(asMessage, request, messages);
      }
      String response;
      TypeRef r = m.response();
      if (m.oneway() || r instanceof TypeRef.Void) {
        response = empty();
      } else if (r instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.STRUCT) {
        response = typeName(n.qualifiedName());
      } else {
        response = freshName(rpc + "Response", s);
        FieldDef value = new FieldDef(1, "value", "value", r, dev.polyglot.idl.Requiredness.DEFAULT, false, null, -1, false,
            dev.polyglot.idl.Annotations.NONE, m.location());
        messages.append("// Result of ").append(s.name()).append('.').append(m.name()).append(".\n");
        messages.append("message ").append(response).append(" {\n");
        resultOf = s.name() + "." + m.name();
        field(value, 1, false, "  ", messages);
        resultOf = null;
        messages.append("}\n\n");
      }
      commentsExceptHttp(m.annotations(), "  ", out);
      if (m.oneway()) out.append("  // oneway in Thrift: the gateway forwards the call and does not wait.\n");
      for (FieldDef x : m.exceptions()) {
        StructDef ex = schema.requireStruct(((TypeRef.Named) x.type()).qualifiedName());
        out.append("  // throws ").append(typeName(ex.qualifiedName())).append(" as grpc.code ")
            .append(ex.annotations().get("grpc.code").orElse("UNKNOWN")).append('\n');
      }
      out.append("  rpc ").append(rpc).append('(').append(request).append(") returns (").append(response).append(')');
      httpOption(m.httpRules(), out);
      methodMessages.put(m.service() + "." + m.name(), new String[] {request, response});
    }
    out.append("}\n\n");
  }

  /** Thrift {@code http.*} method annotations become the {@code google.api.http} option; ends the rpc line. */
  private void httpOption(List<HttpRule> rules, StringBuilder out) {
    if (rules.isEmpty()) {
      out.append(";\n");
      return;
    }
    imports.add("google/api/annotations.proto");
    out.append(" {\n    option (google.api.http) = {\n");
    httpRule(rules.get(0), "      ", out);
    for (HttpRule extra : rules.subList(1, rules.size())) {
      out.append("      additional_bindings {\n");
      httpRule(extra, "        ", out);
      out.append("      }\n");
    }
    out.append("    };\n  }\n");
  }

  private static void httpRule(HttpRule rule, String indent, StringBuilder out) {
    String verb = rule.verb().toLowerCase(Locale.ROOT);
    if (List.of("get", "put", "post", "delete", "patch").contains(verb)) {
      out.append(indent).append(verb).append(": ").append(ConstText.quote(rule.pathTemplate())).append('\n');
    } else {
      out.append(indent).append("custom { kind: ").append(ConstText.quote(verb)).append(" path: ").append(ConstText.quote(rule.pathTemplate())).append(" }\n");
    }
    // The Thrift annotations give one http.body for all verbs; GET and DELETE carry no body.
    if (!rule.body().isEmpty() && !verb.equals("get") && !verb.equals("delete")) out.append(indent).append("body: ").append(ConstText.quote(rule.body())).append('\n');
    if (!rule.responseBody().isEmpty()) out.append(indent).append("response_body: ").append(ConstText.quote(rule.responseBody())).append('\n');
  }

  private static void commentsExceptHttp(dev.polyglot.idl.Annotations a, String indent, StringBuilder out) {
    for (Map.Entry<String, String> e : a.values().entrySet()) {
      if (e.getKey().startsWith("http.")) continue;
      out.append(indent).append("// ").append(e.getKey()).append(" = ").append(ConstText.quote(e.getValue())).append('\n');
    }
  }

  private String empty() {
    imports.add("google/protobuf/empty.proto");
    return EMPTY;
  }

  private String freshName(String name, ServiceDef s) {
    String n = usedNames.contains(name) ? s.name() + name : name;
    usedNames.add(n);
    return n;
  }

  private static void comments(dev.polyglot.idl.Annotations a, String indent, StringBuilder out) {
    for (Map.Entry<String, String> e : a.values().entrySet()) {
      out.append(indent).append("// ").append(e.getKey()).append(" = ").append(ConstText.quote(e.getValue())).append('\n');
    }
  }
}
