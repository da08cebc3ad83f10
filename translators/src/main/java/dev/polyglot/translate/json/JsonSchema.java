package dev.polyglot.translate.json;

import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TypeKind;
import dev.polyglot.translate.event.TypePlan;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds and caches the JSON view ({@link JsonStruct}/{@link JsonType}) of struct plans, for one
 * dialect. Plans are cyclic for recursive types, so a struct is created, queued, and its field
 * types linked afterwards; a graph is published to the cache only when complete. Thread-safe;
 * lookups after the first are one concurrent-map read per root value.
 */
final class JsonSchema {
  private final JsonDialect dialect;
  private final ConcurrentHashMap<StructPlan, JsonStruct> cache = new ConcurrentHashMap<>();

  JsonSchema(JsonDialect dialect) {
    this.dialect = dialect;
  }

  JsonDialect dialect() {
    return dialect;
  }

  JsonStruct struct(StructPlan plan) {
    JsonStruct s = cache.get(plan);
    return s != null ? s : compile(plan);
  }

  private synchronized JsonStruct compile(StructPlan root) {
    JsonStruct existing = cache.get(root);
    if (existing != null) return existing;
    Map<StructPlan, JsonStruct> fresh = new IdentityHashMap<>();
    ArrayDeque<JsonStruct> pending = new ArrayDeque<>();
    JsonStruct result = structOf(root, fresh, pending);
    while (!pending.isEmpty()) {
      JsonStruct s = pending.poll();
      for (int i = 0; i < s.fieldCount; i++) s.types[i] = typeOf(s.plan.field(i).type(), fresh, pending);
      linkWellKnown(s);
    }
    cache.putAll(fresh);
    return result;
  }

  private JsonStruct structOf(StructPlan plan, Map<StructPlan, JsonStruct> fresh, ArrayDeque<JsonStruct> pending) {
    JsonStruct s = cache.get(plan);
    if (s == null) s = fresh.get(plan);
    if (s == null) {
      s = new JsonStruct(plan, dialect);
      fresh.put(plan, s);
      pending.add(s);
    }
    return s;
  }

  private JsonType typeOf(TypePlan plan, Map<StructPlan, JsonStruct> fresh, ArrayDeque<JsonStruct> pending) {
    JsonType t = new JsonType(plan, dialect);
    switch (plan.kind()) {
      case LIST, SET -> t.element = typeOf(plan.element(), fresh, pending);
      case MAP -> {
        t.key = typeOf(plan.key(), fresh, pending);
        t.element = typeOf(plan.element(), fresh, pending);
      }
      case STRUCT -> t.struct = structOf(plan.struct(), fresh, pending);
      default -> {}
    }
    return t;
  }

  /**
   * Finds the fields a well-known type's JSON form is made of, by field number as in
   * google/protobuf/*.proto. A type that merely has a well-known name but not the expected fields
   * falls back to the plain object form.
   */
  private static void linkWellKnown(JsonStruct s) {
    StructPlan p = s.plan;
    boolean ok;
    switch (s.wkt) {
      case TIMESTAMP, DURATION -> {
        s.wktA = p.indexOfId(1);
        s.wktB = p.indexOfId(2);
        ok = is(s, s.wktA, TypeKind.INTEGER) && is(s, s.wktB, TypeKind.INTEGER);
      }
      case WRAPPER -> {
        s.wktA = p.indexOfId(1);
        ok = s.wktA >= 0 && s.types[s.wktA].kind != TypeKind.STRUCT && !isContainer(s.types[s.wktA]);
      }
      case FIELD_MASK -> {
        s.wktA = p.indexOfId(1);
        ok = is(s, s.wktA, TypeKind.LIST) && s.types[s.wktA].element.kind == TypeKind.STRING;
      }
      case STRUCT -> {
        s.wktA = p.indexOfId(1);
        ok = is(s, s.wktA, TypeKind.MAP) && s.types[s.wktA].key.kind == TypeKind.STRING
            && s.types[s.wktA].element.kind == TypeKind.STRUCT && s.types[s.wktA].element.struct.wkt == Wkt.VALUE;
      }
      case VALUE -> {
        s.valueKinds = new int[7];
        ok = true;
        for (int k = 1; k <= 6; k++) {
          s.valueKinds[k] = p.indexOfId(k);
          ok &= s.valueKinds[k] >= 0;
        }
      }
      case LIST_VALUE -> {
        s.wktA = p.indexOfId(1);
        ok = is(s, s.wktA, TypeKind.LIST) && s.types[s.wktA].element.kind == TypeKind.STRUCT;
      }
      case ANY -> {
        s.wktA = p.indexOfId(1);
        s.wktB = p.indexOfId(2);
        ok = is(s, s.wktA, TypeKind.STRING) && is(s, s.wktB, TypeKind.BINARY);
      }
      case EMPTY, NONE -> ok = true;
      default -> throw new AssertionError(s.wkt);
    }
    if (!ok) s.demote();
  }

  private static boolean is(JsonStruct s, int index, TypeKind kind) {
    return index >= 0 && s.types[index].kind == kind;
  }

  private static boolean isContainer(JsonType t) {
    return t.kind == TypeKind.LIST || t.kind == TypeKind.SET || t.kind == TypeKind.MAP;
  }
}
