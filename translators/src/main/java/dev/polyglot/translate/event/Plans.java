package dev.polyglot.translate.event;

import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and caches the {@link StructPlan}s of one {@link Schema}. Hold one per loaded schema;
 * lookups after the first are a concurrent-map read. Thread-safe.
 */
public final class Plans {
  private static final Map<Scalar, TypePlan> SCALARS = new EnumMap<>(Scalar.class);

  static {
    for (Scalar s : Scalar.values()) SCALARS.put(s, TypePlan.scalar(s));
  }

  private final Schema schema;
  private final ConcurrentHashMap<String, StructPlan> structs = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, EnumPlan> enums = new ConcurrentHashMap<>();

  private Plans(Schema schema) {
    this.schema = schema;
  }

  public static Plans of(Schema schema) {
    return new Plans(schema);
  }

  public Schema schema() {
    return schema;
  }

  /**
   * The plan of a struct by qualified name, compiling it and everything it reaches on first use.
   *
   * @throws IllegalArgumentException if the schema has no such struct
   */
  public StructPlan struct(String qualifiedName) {
    StructPlan p = structs.get(qualifiedName);
    return p != null ? p : compile(qualifiedName);
  }

  public StructPlan struct(StructDef def) {
    return struct(def.qualifiedName());
  }

  /** The plan of any type, e.g. a method's result type. */
  public synchronized TypePlan type(TypeRef ref) {
    Map<String, StructPlan> fresh = new HashMap<>();
    ArrayDeque<StructPlan> pending = new ArrayDeque<>();
    TypePlan t = typeOf(ref, fresh, pending);
    finish(fresh, pending);
    return t;
  }

  private synchronized StructPlan compile(String qualifiedName) {
    StructPlan existing = structs.get(qualifiedName);
    if (existing != null) return existing;
    Map<String, StructPlan> fresh = new HashMap<>();
    ArrayDeque<StructPlan> pending = new ArrayDeque<>();
    StructPlan root = structOf(qualifiedName, fresh, pending);
    finish(fresh, pending);
    return root;
  }

  /** Fills every new plan's fields, then publishes them all at once. */
  private void finish(Map<String, StructPlan> fresh, ArrayDeque<StructPlan> pending) {
    while (!pending.isEmpty()) {
      StructPlan p = pending.poll();
      List<FieldDef> defs = p.def().fields();
      FieldPlan[] fields = new FieldPlan[defs.size()];
      for (int i = 0; i < fields.length; i++) {
        FieldDef f = defs.get(i);
        fields[i] = new FieldPlan(i, f, typeOf(f.type(), fresh, pending), p.idl());
      }
      p.init(fields);
    }
    structs.putAll(fresh);
  }

  private StructPlan structOf(String name, Map<String, StructPlan> fresh, ArrayDeque<StructPlan> pending) {
    StructPlan p = structs.get(name);
    if (p == null) p = fresh.get(name);
    if (p == null) {
      p = new StructPlan(schema.requireStruct(name));
      fresh.put(name, p);
      pending.add(p);
    }
    return p;
  }

  private TypePlan typeOf(TypeRef ref, Map<String, StructPlan> fresh, ArrayDeque<StructPlan> pending) {
    if (ref instanceof TypeRef.Base b) return SCALARS.get(b.scalar());
    if (ref instanceof TypeRef.ListOf l) return TypePlan.listOf(typeOf(l.element(), fresh, pending));
    if (ref instanceof TypeRef.SetOf s) return TypePlan.setOf(typeOf(s.element(), fresh, pending));
    if (ref instanceof TypeRef.MapOf m) {
      return TypePlan.mapOf(typeOf(m.key(), fresh, pending), typeOf(m.value(), fresh, pending));
    }
    if (ref instanceof TypeRef.Named n) {
      if (n.kind() == TypeRef.NamedKind.ENUM) {
        return TypePlan.ofEnum(enums.computeIfAbsent(n.qualifiedName(), q -> new EnumPlan(schema.requireEnum(q))));
      }
      return TypePlan.ofStruct(structOf(n.qualifiedName(), fresh, pending));
    }
    throw new IllegalArgumentException("void is not a value type");
  }
}
