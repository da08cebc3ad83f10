package dev.polyglot.idl.thrift;

import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.ConstDef;
import dev.polyglot.idl.ConstValue;
import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.HttpRule;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Requiredness;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.idl.TypedefDef;
import dev.polyglot.idl.thrift.ThriftAst.ConstNode;
import dev.polyglot.idl.thrift.ThriftAst.Definition;
import dev.polyglot.idl.thrift.ThriftAst.DoubleLit;
import dev.polyglot.idl.thrift.ThriftAst.EnumNode;
import dev.polyglot.idl.thrift.ThriftAst.EnumValueNode;
import dev.polyglot.idl.thrift.ThriftAst.FieldNode;
import dev.polyglot.idl.thrift.ThriftAst.FunctionNode;
import dev.polyglot.idl.thrift.ThriftAst.IdentRef;
import dev.polyglot.idl.thrift.ThriftAst.IntLit;
import dev.polyglot.idl.thrift.ThriftAst.ListLit;
import dev.polyglot.idl.thrift.ThriftAst.MapEntryNode;
import dev.polyglot.idl.thrift.ThriftAst.MapLit;
import dev.polyglot.idl.thrift.ThriftAst.ServiceNode;
import dev.polyglot.idl.thrift.ThriftAst.StringLit;
import dev.polyglot.idl.thrift.ThriftAst.StructNode;
import dev.polyglot.idl.thrift.ThriftAst.TypeNode;
import dev.polyglot.idl.thrift.ThriftAst.TypedefNode;
import dev.polyglot.idl.thrift.ThriftAst.ValueNode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns parsed Thrift files into the neutral model: resolves names across includes, follows typedef
 * chains, evaluates and type-checks constants and defaults, assigns implicit ids and enum values,
 * flattens service inheritance and synthesizes the argument structs of methods.
 *
 * <p>Design note: every resolution is memoized per syntax node (identity maps) and guarded by an
 * "in progress" marker, so definitions can be resolved in any order (a const may refer to a const
 * declared later or in an included file) and each problem is reported exactly once, at the place
 * that is wrong. A failed resolution yields null and callers stay silent about it, which keeps one
 * mistake from cascading into many messages.
 */
final class ThriftLinker {
  private static final String TYPE_EXPECTATION =
      "expected: a base type, a container, or a struct, union, exception, enum or typedef in scope";

  /** One loaded file: its syntax tree plus the scope it sees. */
  static final class Unit {
    final String path;
    final String stem;
    final ThriftAst.Document doc;
    final Map<String, Unit> includesByStem = new LinkedHashMap<>();
    final List<String> includePaths = new ArrayList<>();
    final Map<String, Definition> symbols = new HashMap<>();

    Unit(String path, String stem, ThriftAst.Document doc) {
      this.path = path;
      this.stem = stem;
      this.doc = doc;
    }

    String qualify(String name) {
      return stem + "." + name;
    }
  }

  private record Found(Unit unit, Definition def) {}

  /** Marker stored while a node is being resolved, to detect cycles. */
  private static final Object IN_PROGRESS = new Object();

  /** Marker for a service that could not be built; its problems are already reported. */
  private static final Object BROKEN = new Object();

  private final List<Unit> units;
  private final List<Problem> problems;
  private final IdentityHashMap<TypeNode, Optional<TypeRef>> types = new IdentityHashMap<>();
  private final IdentityHashMap<TypedefNode, Object> typedefs = new IdentityHashMap<>();
  private final IdentityHashMap<ConstNode, Object> consts = new IdentityHashMap<>();
  private final IdentityHashMap<EnumNode, EnumDef> enums = new IdentityHashMap<>();
  private final IdentityHashMap<StructNode, Map<String, FieldNode>> structFieldsByName = new IdentityHashMap<>();
  private final IdentityHashMap<StructNode, Unit> structUnits = new IdentityHashMap<>();
  private final IdentityHashMap<ServiceNode, Object> services = new IdentityHashMap<>();
  private final Map<String, StructNode> structsByQualifiedName = new HashMap<>();
  private final Map<String, EnumDef> enumsByQualifiedName = new HashMap<>();

  ThriftLinker(List<Unit> units, List<Problem> problems) {
    this.units = units;
    this.problems = problems;
  }

  Schema link() {
    for (Unit u : units) collectSymbols(u);
    for (Unit u : units) {
      for (Definition d : u.doc.definitions()) {
        if (d instanceof EnumNode e && u.symbols.get(e.name()) == e) {
          EnumDef def = enumDef(u, e);
          enums.put(e, def);
          enumsByQualifiedName.put(def.qualifiedName(), def);
        }
      }
    }
    Schema.Builder schema = Schema.builder();
    for (Unit u : units) {
      List<String> structNames = new ArrayList<>();
      List<String> enumNames = new ArrayList<>();
      List<String> serviceNames = new ArrayList<>();
      List<TypedefDef> typedefDefs = new ArrayList<>();
      List<ConstDef> constDefs = new ArrayList<>();
      for (Definition d : u.doc.definitions()) {
        if (u.symbols.get(d.name()) != d) continue; // a duplicate, already reported
        if (d instanceof EnumNode e) {
          schema.addEnum(enums.get(e));
          enumNames.add(u.qualify(e.name()));
        } else if (d instanceof TypedefNode t) {
          TypeRef target = typedefTarget(u, t);
          if (target != null) {
            Map<String, String> ann = new LinkedHashMap<>(t.type().annotations());
            ann.putAll(t.annotations());
            typedefDefs.add(new TypedefDef(u.qualify(t.name()), t.name(), target, Annotations.of(ann), t.location()));
          }
        } else if (d instanceof ConstNode c) {
          ConstValue v = constValue(u, c);
          TypeRef type = resolveType(u, c.type());
          if (v != null && type != null) constDefs.add(new ConstDef(u.qualify(c.name()), c.name(), type, v, c.location()));
        } else if (d instanceof StructNode s) {
          schema.addStruct(structDef(u, s));
          structNames.add(u.qualify(s.name()));
        } else if (d instanceof ServiceNode s) {
          ServiceDef def = serviceDef(u, s);
          String qualifiedName = u.qualify(s.name());
          java.util.Set<String> seen = new java.util.HashSet<>();
          for (FunctionNode f : s.functions()) {
            if (!seen.add(f.name())) continue; // duplicate method, already reported
            StructDef args = argsStruct(u, qualifiedName, f);
            if (def != null) schema.addStruct(args);
          }
          if (def != null) schema.addService(def);
          serviceNames.add(qualifiedName);
        }
      }
      schema.addFile(new IdlFile(u.path, IdlKind.THRIFT, u.stem, u.doc.namespaces(), u.includePaths,
          structNames, enumNames, serviceNames, typedefDefs, constDefs, null));
    }
    return schema.build();
  }

  // ---- symbols and lookup ----

  private void collectSymbols(Unit u) {
    for (Definition d : u.doc.definitions()) {
      Definition previous = u.symbols.putIfAbsent(d.name(), d);
      if (previous != null) {
        problem(d.location(), "'" + d.name() + "' is already defined on line " + previous.location().line()
            + " (expected: a unique name in this file)");
      } else if (d instanceof StructNode s) {
        structsByQualifiedName.put(u.qualify(s.name()), s);
        structUnits.put(s, u);
      }
    }
  }

  /**
   * A name as written in unit {@code u}: {@code Name} declared in {@code u} (also spelled
   * {@code stem.Name}), or {@code inc.Name} from a direct include. Includes are not transitive, as in
   * the Apache compiler.
   */
  private Found lookup(Unit u, String name) {
    Definition d = u.symbols.get(name);
    if (d != null) return new Found(u, d);
    int dot = name.indexOf('.');
    if (dot > 0) {
      String prefix = name.substring(0, dot);
      Unit inc = prefix.equals(u.stem) ? u : u.includesByStem.get(prefix);
      if (inc != null) {
        d = inc.symbols.get(name.substring(dot + 1));
        if (d != null) return new Found(inc, d);
      }
    }
    return null;
  }

  /** Whether a missing name was dropped after a syntax error, so its absence is already explained. */
  private boolean isBroken(Unit u, String name) {
    if (u.doc.brokenNames().contains(name)) return true;
    int dot = name.indexOf('.');
    if (dot > 0) {
      Unit inc = u.includesByStem.get(name.substring(0, dot));
      return inc != null && inc.doc.brokenNames().contains(name.substring(dot + 1));
    }
    return false;
  }

  // ---- types ----

  /** The resolved type, or null after reporting why (reported once per node). */
  private TypeRef resolveType(Unit u, TypeNode node) {
    Optional<TypeRef> cached = types.get(node);
    if (cached != null) return cached.orElse(null);
    TypeRef t = computeType(u, node);
    types.put(node, Optional.ofNullable(t));
    return t;
  }

  private TypeRef computeType(Unit u, TypeNode node) {
    switch (node.name()) {
      case "list" -> {
        TypeRef e = resolveType(u, node.args().get(0));
        return e == null ? null : TypeRef.listOf(e);
      }
      case "set" -> {
        TypeRef e = resolveType(u, node.args().get(0));
        return e == null ? null : TypeRef.setOf(e);
      }
      case "map" -> {
        TypeRef k = resolveType(u, node.args().get(0));
        TypeRef v = resolveType(u, node.args().get(1));
        return k == null || v == null ? null : TypeRef.mapOf(k, v);
      }
      case "byte" -> {
        return TypeRef.of(Scalar.I8);
      }
      default -> {}
    }
    Scalar scalar = Scalar.forThriftName(node.name());
    if (scalar != null) return TypeRef.of(scalar);
    Found f = lookup(u, node.name());
    if (f == null) {
      if (!isBroken(u, node.name())) problem(node.location(), unknownType(u, node.name()));
      return null;
    }
    Definition d = f.def();
    if (d instanceof StructNode s) return TypeRef.named(f.unit().qualify(s.name()), TypeRef.NamedKind.STRUCT);
    if (d instanceof EnumNode e) return TypeRef.named(f.unit().qualify(e.name()), TypeRef.NamedKind.ENUM);
    if (d instanceof TypedefNode t) return typedefTarget(f.unit(), t);
    return notAType(node, d instanceof ConstNode ? "a constant" : "a service");
  }

  /** Names the missing include when a qualified name's prefix is not an included file. */
  private static String unknownType(Unit u, String name) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      String prefix = name.substring(0, dot);
      if (!prefix.equals(u.stem) && !u.includesByStem.containsKey(prefix)) {
        return "unknown type '" + name + "': no included file is named " + prefix + ".thrift (expected: include \""
            + prefix + ".thrift\" to use its types)";
      }
    }
    return "unknown type '" + name + "' (" + TYPE_EXPECTATION + ")";
  }

  private TypeRef notAType(TypeNode node, String what) {
    problem(node.location(), "'" + node.name() + "' is " + what + ", not a type (" + TYPE_EXPECTATION + ")");
    return null;
  }

  private TypeRef typedefTarget(Unit u, TypedefNode t) {
    Object state = typedefs.get(t);
    if (state == IN_PROGRESS) {
      problem(t.location(), "typedef '" + t.name() + "' refers to itself (expected: a chain of typedefs that ends in a real type)");
      typedefs.put(t, Optional.empty());
      return null;
    }
    if (state != null) return ((Optional<?>) state).map(TypeRef.class::cast).orElse(null);
    typedefs.put(t, IN_PROGRESS);
    TypeRef target = resolveType(u, t.type());
    if (typedefs.get(t) == IN_PROGRESS) typedefs.put(t, Optional.ofNullable(target));
    else target = null;
    return target;
  }

  // ---- enums ----

  private EnumDef enumDef(Unit u, EnumNode e) {
    List<EnumValueDef> values = new ArrayList<>();
    Map<String, EnumValueNode> byName = new HashMap<>();
    Map<Long, EnumValueNode> byNumber = new HashMap<>();
    long next = 0;
    for (EnumValueNode v : e.values()) {
      long number = v.value() != null ? v.value() : next;
      next = number + 1;
      EnumValueNode sameName = byName.putIfAbsent(v.name(), v);
      if (sameName != null) {
        problem(v.location(), "enum value name '" + v.name() + "' is already used in enum " + e.name() + " (expected: a unique name)");
        continue;
      }
      if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
        problem(v.valueLocation() != null ? v.valueLocation() : v.location(),
            "enum value " + v.name() + " = " + number + " is out of range (expected: -2147483648 to 2147483647)");
        continue;
      }
      EnumValueNode sameNumber = byNumber.putIfAbsent(number, v);
      if (sameNumber != null) {
        problem(v.valueLocation() != null ? v.valueLocation() : v.location(),
            "enum value " + v.name() + " = " + number + " is already used by " + sameNumber.name() + " in enum " + e.name()
                + " (expected: a unique number)");
        continue;
      }
      values.add(new EnumValueDef(v.name(), (int) number, Annotations.of(v.annotations()), v.location()));
    }
    return new EnumDef(u.qualify(e.name()), e.name(), IdlKind.THRIFT, values, Annotations.of(e.annotations()), e.location());
  }

  // ---- structs and fields ----

  private StructDef structDef(Unit u, StructNode s) {
    StructKind kind = switch (s.keyword()) {
      case STRUCT -> StructKind.STRUCT;
      case UNION -> StructKind.UNION;
      case EXCEPTION -> StructKind.EXCEPTION;
    };
    return new StructDef(u.qualify(s.name()), s.name(), IdlKind.THRIFT, kind,
        fields(u, s.fields(), s.keyword().name().toLowerCase(java.util.Locale.ROOT) + " " + s.name(), false),
        List.of(), false, Annotations.of(s.annotations()), s.location());
  }

  private StructDef argsStruct(Unit u, String serviceName, FunctionNode f) {
    return new StructDef(serviceName + "." + f.name() + "_args", f.name() + "_args", IdlKind.THRIFT, StructKind.ARGS,
        fields(u, f.args(), "the arguments of " + f.name(), false), List.of(), false, Annotations.NONE, f.location());
  }

  /**
   * Fields of a struct, argument list or throws clause. Missing ids get -1, -2, ... in declaration
   * order, as the Apache compiler assigns them. Each list is checked once (callers ask once per node).
   */
  private List<FieldDef> fields(Unit u, List<FieldNode> nodes, String owner, boolean exceptionsOnly) {
    List<FieldDef> out = new ArrayList<>(nodes.size());
    Map<Integer, FieldNode> ids = new HashMap<>();
    Map<String, FieldNode> names = new HashMap<>();
    int implicitId = 0;
    for (FieldNode f : nodes) {
      int id;
      if (f.id() == null) {
        id = --implicitId;
      } else {
        if (f.id() < 1 || f.id() > Short.MAX_VALUE) {
          problem(f.idLocation(), "field id " + f.id() + " of '" + f.name() + "' is out of range (expected: 1-32767)");
          continue;
        }
        id = f.id().intValue();
      }
      FieldNode sameId = ids.putIfAbsent(id, f);
      if (sameId != null) {
        problem(f.idLocation() != null ? f.idLocation() : f.location(),
            "field id " + id + " of '" + f.name() + "' is already used by '" + sameId.name() + "' in " + owner + " (expected: a unique id)");
        continue;
      }
      FieldNode sameName = names.putIfAbsent(f.name(), f);
      if (sameName != null) {
        problem(f.location(), "field name '" + f.name() + "' is already used in " + owner + " (expected: a unique name)");
        continue;
      }
      TypeRef type = resolveType(u, f.type());
      if (type == null) continue;
      if (exceptionsOnly && !(type instanceof TypeRef.Named n && isException(n))) {
        problem(f.type().location(), "'" + f.type().name() + "' in the throws clause of " + owner + " is not an exception"
            + " (expected: an exception type)");
        continue;
      }
      ConstValue dflt = f.defaultValue() == null ? null : value(u, f.defaultValue(), type);
      Requiredness req = f.requiredness();
      out.add(new FieldDef(id, f.name(), f.name(), type, req, req != Requiredness.DEFAULT, dflt, -1, false,
          Annotations.of(f.annotations()), f.location()));
    }
    return out;
  }

  private boolean isException(TypeRef.Named n) {
    StructNode s = structsByQualifiedName.get(n.qualifiedName());
    return s != null && s.keyword() == ThriftAst.StructKeyword.EXCEPTION;
  }

  // ---- services ----

  /**
   * The service with its inherited methods, or null if it cannot be built (already reported). A
   * base service still marked in progress means the extends chain loops back.
   */
  private ServiceDef serviceDef(Unit u, ServiceNode s) {
    Object state = services.get(s);
    if (state != null) return state instanceof ServiceDef d ? d : null;
    services.put(s, IN_PROGRESS);
    String qualifiedName = u.qualify(s.name());
    List<MethodDef> methods = new ArrayList<>();
    String base = null;
    boolean ok = true;
    if (s.extendsName() != null) {
      Found f = lookup(u, s.extendsName());
      if (f == null || !(f.def() instanceof ServiceNode baseNode)) {
        if (f != null || !isBroken(u, s.extendsName())) {
          problem(s.extendsLocation(), "unknown service '" + s.extendsName() + "' after extends (expected: a service declared in this file or "
              + "an included one, e.g. shared.BaseService)");
        }
        ok = false;
      } else if (services.get(baseNode) == IN_PROGRESS) {
        problem(s.extendsLocation(), "service " + s.name() + " extends itself through '" + s.extendsName()
            + "' (expected: an inheritance chain without cycles)");
        ok = false;
      } else {
        ServiceDef b = serviceDef(f.unit(), baseNode);
        if (b == null) {
          ok = false;
        } else {
          base = b.qualifiedName();
          methods.addAll(b.methods());
        }
      }
    }
    Map<String, FunctionNode> declared = new HashMap<>();
    for (FunctionNode f : s.functions()) {
      FunctionNode same = declared.putIfAbsent(f.name(), f);
      if (same != null) {
        problem(f.location(), "method name '" + f.name() + "' is already used in service " + s.name() + " (expected: a unique name)");
        continue;
      }
      MethodDef inherited = inheritedMethod(methods, f.name());
      if (inherited != null) {
        // Thrift has no overriding: one name would stand for two argument lists on the wire.
        problem(f.location(), "method name '" + f.name() + "' is already inherited from " + inherited.service()
            + " (expected: a name not used by a base service)");
        continue;
      }
      MethodDef m = method(u, qualifiedName, f);
      if (m != null) methods.add(m);
    }
    ServiceDef def = ok
        ? new ServiceDef(qualifiedName, s.name(), IdlKind.THRIFT, base, methods, Annotations.of(s.annotations()), s.location())
        : null;
    services.put(s, def != null ? def : BROKEN);
    return def;
  }

  private static MethodDef inheritedMethod(List<MethodDef> inherited, String name) {
    for (MethodDef m : inherited) if (m.name().equals(name)) return m;
    return null;
  }

  private MethodDef method(Unit u, String serviceName, FunctionNode f) {
    TypeRef response = TypeRef.VOID;
    if (f.returnType() != null) {
      response = resolveType(u, f.returnType());
      if (response == null) return null;
    }
    List<FieldDef> exceptions = fields(u, f.throwsFields(), "method " + f.name(), true);
    if (f.oneway()) {
      if (f.returnType() != null) {
        problem(f.returnType().location(), "oneway method " + f.name() + " returns " + response.display() + " (expected: void, because a oneway call gets no reply)");
      }
      if (!f.throwsFields().isEmpty()) {
        problem(f.throwsLocation(), "oneway method " + f.name() + " declares exceptions (expected: no throws clause, because a oneway call gets no reply)");
      }
    }
    Map<String, String> ann = f.annotations();
    List<HttpRule> rules = new ArrayList<>();
    for (Map.Entry<String, String> a : ann.entrySet()) {
      switch (a.getKey()) {
        case "http.get", "http.post", "http.put", "http.delete", "http.patch" -> rules.add(new HttpRule(
            a.getKey().substring(5).toUpperCase(java.util.Locale.ROOT), a.getValue(), ann.getOrDefault("http.body", ""), "", f.location()));
        default -> {}
      }
    }
    TypeRef.Named request = TypeRef.named(serviceName + "." + f.name() + "_args", TypeRef.NamedKind.STRUCT);
    return new MethodDef(f.name(), serviceName, StreamingKind.UNARY, f.oneway(), request, response, exceptions, rules,
        Annotations.of(ann), f.location());
  }

  // ---- constants and values ----

  private ConstValue constValue(Unit u, ConstNode c) {
    Object state = consts.get(c);
    if (state == IN_PROGRESS) {
      problem(c.location(), "constant " + c.name() + " refers to itself (expected: a value that does not depend on " + c.name() + ")");
      consts.put(c, Optional.empty());
      return null;
    }
    if (state != null) return ((Optional<?>) state).map(ConstValue.class::cast).orElse(null);
    consts.put(c, IN_PROGRESS);
    TypeRef type = resolveType(u, c.type());
    ConstValue v = type == null ? null : value(u, c.value(), type);
    if (consts.get(c) == IN_PROGRESS) consts.put(c, Optional.ofNullable(v));
    else v = null;
    return v;
  }

  /** Checks a literal or reference against {@code type}; null after reporting a problem. */
  private ConstValue value(Unit u, ValueNode node, TypeRef type) {
    if (node instanceof IntLit i) {
      ConstValue v = fromInt(i.value(), type);
      if (v == null) mismatch(node, "value " + i.text(), type);
      return v;
    } else if (node instanceof DoubleLit d) {
      if (type instanceof TypeRef.Base b && b.scalar() == Scalar.DOUBLE) return new ConstValue.DoubleValue(d.value());
      mismatch(node, "value " + d.text(), type);
      return null;
    } else if (node instanceof StringLit s) {
      if (type instanceof TypeRef.Base b) {
        if (b.scalar() == Scalar.STRING || b.scalar() == Scalar.BINARY) return new ConstValue.StringValue(s.value());
        if (b.scalar() == Scalar.UUID && isUuid(s.value())) return new ConstValue.StringValue(s.value());
      }
      mismatch(node, "value \"" + s.value() + "\"", type);
      return null;
    } else if (node instanceof ListLit l) {
      TypeRef element = type instanceof TypeRef.ListOf lt ? lt.element() : type instanceof TypeRef.SetOf st ? st.element() : null;
      if (element == null) {
        mismatch(node, "a list literal", type);
        return null;
      }
      List<ConstValue> out = new ArrayList<>(l.elements().size());
      boolean ok = true;
      for (ValueNode e : l.elements()) {
        ConstValue v = value(u, e, element);
        if (v == null) ok = false;
        else out.add(v);
      }
      return ok ? new ConstValue.ListValue(out) : null;
    } else if (node instanceof MapLit m) {
      if (type instanceof TypeRef.MapOf mt) {
        List<Map.Entry<ConstValue, ConstValue>> out = new ArrayList<>(m.entries().size());
        boolean ok = true;
        for (MapEntryNode e : m.entries()) {
          ConstValue k = value(u, e.key(), mt.key());
          ConstValue v = value(u, e.value(), mt.value());
          if (k == null || v == null) ok = false;
          else out.add(new AbstractMap.SimpleImmutableEntry<>(k, v));
        }
        return ok ? new ConstValue.MapValue(out) : null;
      }
      if (type instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.STRUCT) return structLiteral(u, m, n);
      mismatch(node, "a map literal", type);
      return null;
    } else if (node instanceof IdentRef r) {
      return reference(u, r, type);
    } else if (node instanceof ThriftAst.InvalidLit) {
      return null;
    }
    throw new AssertionError("unhandled value node " + node);
  }

  private ConstValue structLiteral(Unit u, MapLit m, TypeRef.Named n) {
    StructNode s = structsByQualifiedName.get(n.qualifiedName());
    Unit su = structUnits.get(s);
    Map<String, FieldNode> byName = structFieldsByName.computeIfAbsent(s, k -> {
      Map<String, FieldNode> map = new LinkedHashMap<>();
      for (FieldNode f : k.fields()) map.putIfAbsent(f.name(), f);
      return map;
    });
    List<Map.Entry<String, ConstValue>> out = new ArrayList<>();
    boolean ok = true;
    for (MapEntryNode e : m.entries()) {
      if (!(e.key() instanceof StringLit key)) {
        problem(e.key().location(), "struct literal of " + n.qualifiedName() + " has a key that is not a field name"
            + " (expected: a field name in quotes, e.g. \"" + firstFieldName(byName) + "\")");
        ok = false;
        continue;
      }
      FieldNode f = byName.get(key.value());
      if (f == null) {
        problem(key.location(), "struct " + n.qualifiedName() + " has no field '" + key.value() + "' (expected one of: "
            + String.join(", ", byName.keySet()) + ")");
        ok = false;
        continue;
      }
      TypeRef ft = resolveType(su, f.type());
      if (ft == null) {
        ok = false;
        continue;
      }
      ConstValue v = value(u, e.value(), ft);
      if (v == null) ok = false;
      else out.add(new AbstractMap.SimpleImmutableEntry<>(key.value(), v));
    }
    return ok ? new ConstValue.StructValue(n.qualifiedName(), out) : null;
  }

  private static String firstFieldName(Map<String, FieldNode> byName) {
    return byName.isEmpty() ? "name" : byName.keySet().iterator().next();
  }

  /** An integer literal (or resolved integer) as a value of {@code type}, or null if it does not fit. */
  private ConstValue fromInt(long v, TypeRef type) {
    if (type instanceof TypeRef.Base b) {
      Scalar s = b.scalar();
      if (s.isInteger()) return fitsBits(v, s.integerBits()) ? new ConstValue.IntValue(v) : null;
      if (s == Scalar.DOUBLE) return new ConstValue.DoubleValue(v);
      if (s == Scalar.BOOL && (v == 0 || v == 1)) return new ConstValue.BoolValue(v == 1);
      return null;
    }
    if (type instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.ENUM) {
      EnumDef e = enumByQualifiedName(n.qualifiedName());
      if (e == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) return null;
      return e.byNumber((int) v).map(ev -> (ConstValue) new ConstValue.EnumRef(e.qualifiedName(), ev.name(), ev.number())).orElse(null);
    }
    return null;
  }

  private static boolean fitsBits(long v, int bits) {
    if (bits == 64) return true;
    long min = -(1L << (bits - 1));
    long max = (1L << (bits - 1)) - 1;
    return v >= min && v <= max;
  }

  private EnumDef enumByQualifiedName(String qualifiedName) {
    return enumsByQualifiedName.get(qualifiedName);
  }

  /** {@code true}/{@code false}, a constant, or an enum value, as a value of {@code type}. */
  private ConstValue reference(Unit u, IdentRef r, TypeRef type) {
    String name = r.name();
    if (name.equals("true") || name.equals("false")) {
      if (type instanceof TypeRef.Base b && b.scalar() == Scalar.BOOL) return new ConstValue.BoolValue(name.equals("true"));
      mismatch(r, "value " + name, type);
      return null;
    }
    Found f = lookup(u, name);
    if (f != null && f.def() instanceof ConstNode c) {
      ConstValue v = constValue(f.unit(), c);
      if (v == null) return null;
      ConstValue converted = convert(v, type);
      if (converted == null) {
        TypeRef ct = resolveType(f.unit(), c.type());
        problem(r.location(), "constant " + name + " of type " + (ct == null ? c.type().name() : ct.display())
            + " cannot be used as " + type.display() + " (expected: " + expectation(type) + ")");
      }
      return converted;
    }
    int dot = name.lastIndexOf('.');
    if (f == null && dot > 0) {
      Found owner = lookup(u, name.substring(0, dot));
      if (owner != null && owner.def() instanceof EnumNode en) {
        EnumDef e = enums.get(en);
        String valueName = name.substring(dot + 1);
        Optional<EnumValueDef> ev = e.byName(valueName);
        if (ev.isEmpty()) {
          problem(r.location(), "enum " + e.qualifiedName() + " has no value " + valueName + " (expected one of: "
              + String.join(", ", e.values().stream().map(EnumValueDef::name).toList()) + ")");
          return null;
        }
        ConstValue v = new ConstValue.EnumRef(e.qualifiedName(), ev.get().name(), ev.get().number());
        ConstValue converted = convert(v, type);
        if (converted == null) {
          problem(r.location(), "enum value " + name + " cannot be used as " + type.display() + " (expected: " + expectation(type) + ")");
        }
        return converted;
      }
      if (owner == null && isBroken(u, name.substring(0, dot))) return null;
    }
    if (f == null && isBroken(u, name)) return null;
    problem(r.location(), "unknown constant '" + name + "' (expected: a literal, a constant in scope, or an enum value such as Status.ACTIVE)");
    return null;
  }

  /** A resolved value (of a referenced constant or enum value) converted to {@code type}, or null if incompatible. */
  private ConstValue convert(ConstValue v, TypeRef type) {
    if (v instanceof ConstValue.IntValue i) {
      return fromInt(i.value(), type);
    } else if (v instanceof ConstValue.BoolValue b) {
      return type instanceof TypeRef.Base t && t.scalar() == Scalar.BOOL ? v : null;
    } else if (v instanceof ConstValue.DoubleValue d) {
      return type instanceof TypeRef.Base t && t.scalar() == Scalar.DOUBLE ? v : null;
    } else if (v instanceof ConstValue.StringValue s) {
      if (!(type instanceof TypeRef.Base t)) return null;
      if (t.scalar() == Scalar.STRING || t.scalar() == Scalar.BINARY) return v;
      return t.scalar() == Scalar.UUID && isUuid(s.value()) ? v : null;
    } else if (v instanceof ConstValue.EnumRef e) {
      if (type instanceof TypeRef.Named n) return n.qualifiedName().equals(e.enumName()) ? v : null;
      return type instanceof TypeRef.Base t && t.scalar().isInteger() && fitsBits(e.number(), t.scalar().integerBits())
          ? new ConstValue.IntValue(e.number()) : null;
    } else if (v instanceof ConstValue.ListValue l) {
      TypeRef element = type instanceof TypeRef.ListOf lt ? lt.element() : type instanceof TypeRef.SetOf st ? st.element() : null;
      if (element == null) return null;
      List<ConstValue> out = new ArrayList<>();
      for (ConstValue e : l.elements()) {
        ConstValue c = convert(e, element);
        if (c == null) return null;
        out.add(c);
      }
      return new ConstValue.ListValue(out);
    } else if (v instanceof ConstValue.MapValue m) {
      if (!(type instanceof TypeRef.MapOf mt)) return null;
      List<Map.Entry<ConstValue, ConstValue>> out = new ArrayList<>();
      for (Map.Entry<ConstValue, ConstValue> e : m.entries()) {
        ConstValue k = convert(e.getKey(), mt.key());
        ConstValue val = convert(e.getValue(), mt.value());
        if (k == null || val == null) return null;
        out.add(new AbstractMap.SimpleImmutableEntry<>(k, val));
      }
      return new ConstValue.MapValue(out);
    } else if (v instanceof ConstValue.StructValue s) {
      return type instanceof TypeRef.Named n && n.qualifiedName().equals(s.structName()) ? v : null;
    }
    throw new AssertionError("unhandled value " + v);
  }

  private void mismatch(ValueNode node, String shown, TypeRef type) {
    problem(node.location(), shown + " does not fit type " + type.display() + " (expected: " + expectation(type) + ")");
  }

  private String expectation(TypeRef type) {
    if (type instanceof TypeRef.Base b) {
      return switch (b.scalar()) {
        case BOOL -> "true, false, 0 or 1";
        case I8 -> "an integer from -128 to 127";
        case I16 -> "an integer from -32768 to 32767";
        case I32 -> "an integer from -2147483648 to 2147483647";
        case I64 -> "an integer";
        case DOUBLE -> "a number";
        case UUID -> "a UUID in quotes, e.g. \"123e4567-e89b-12d3-a456-426614174000\"";
        default -> "a string in quotes";
      };
    }
    if (type instanceof TypeRef.ListOf l) return "a list literal [...] of " + l.element().display();
    if (type instanceof TypeRef.SetOf s) return "a list literal [...] of " + s.element().display();
    if (type instanceof TypeRef.MapOf m) return "a map literal {key: value} of " + m.key().display() + " to " + m.value().display();
    if (type instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.ENUM) return enumExpectation(n.qualifiedName());
    if (type instanceof TypeRef.Named n) return "a struct literal {\"field\": value} of " + n.qualifiedName();
    return "no value";
  }

  private String enumExpectation(String qualifiedName) {
    EnumDef e = enumByQualifiedName(qualifiedName);
    if (e == null || e.values().isEmpty()) return "a value of enum " + qualifiedName;
    return "a value of enum " + qualifiedName + ": " + String.join(", ",
        e.values().stream().map(v -> e.name() + "." + v.name()).toList()) + ", or its number";
  }

  private static boolean isUuid(String s) {
    if (s.length() != 36) return false;
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') return false;
      } else if (Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private void problem(SourceLocation where, String message) {
    problems.add(Problem.of(where, message));
  }
}
