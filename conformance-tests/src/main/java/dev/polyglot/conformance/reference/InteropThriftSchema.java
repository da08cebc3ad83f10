package dev.polyglot.conformance.reference;

import static dev.polyglot.conformance.reference.ThriftShape.Requiredness.DEFAULT;
import static dev.polyglot.conformance.reference.ThriftShape.Requiredness.OPTIONAL;
import static dev.polyglot.conformance.reference.ThriftShape.Requiredness.REQUIRED;

import dev.polyglot.conformance.reference.ThriftShape.Field;
import dev.polyglot.conformance.reference.ThriftShape.ListOf;
import dev.polyglot.conformance.reference.ThriftShape.MapOf;
import dev.polyglot.conformance.reference.ThriftShape.Requiredness;
import dev.polyglot.conformance.reference.ThriftShape.SetOf;
import dev.polyglot.conformance.reference.ThriftShape.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code idl/interop.thrift} written out by hand as {@link ThriftShape}s: what the Apache Thrift
 * compiler would have generated for the reference backend. A change to the IDL must be made here too;
 * the Thrift backend tests exercise every method and field.
 */
final class InteropThriftSchema {

  /** One service method: its argument and result structs (result field 0 is the success value). */
  record Method(String name, Struct args, Struct result, boolean oneway) {}

  static final ThriftShape MEMBER_TIER = new ThriftShape.Enum("MemberTier");

  static final Struct DIMENSIONS = struct("Dimensions",
      field(1, "width_cm", ThriftShape.I32, REQUIRED),
      field(2, "height_cm", ThriftShape.I32, REQUIRED),
      field(5, "depth_cm", ThriftShape.I32, OPTIONAL));

  static final Struct ALL_TYPES = struct("AllTypes",
      field(1, "bool_field", ThriftShape.BOOL),
      field(2, "byte_field", ThriftShape.I8),
      field(3, "i16_field", ThriftShape.I16),
      field(4, "i32_field", ThriftShape.I32),
      field(6, "i64_field", ThriftShape.I64),
      field(8, "double_field", ThriftShape.DOUBLE),
      field(10, "string_field", ThriftShape.STRING),
      field(11, "binary_field", ThriftShape.BINARY),
      field(13, "uuid_field", ThriftShape.UUID),
      field(15, "tier", MEMBER_TIER),
      field(16, "user_id", ThriftShape.I64));

  static final Struct ITEM = struct("Item",
      field(1, "sku", ThriftShape.STRING, REQUIRED),
      field(2, "description", ThriftShape.STRING, OPTIONAL),
      new Field((short) 3, "quantity", ThriftShape.I32, DEFAULT, InteropRules.DEFAULT_QUANTITY),
      field(4, "dims", DIMENSIONS),
      field(7, "packaging", DIMENSIONS, OPTIONAL),
      field(9, "tags", new ListOf(ThriftShape.STRING)),
      field(11, "tier", MEMBER_TIER, OPTIONAL),
      new Field((short) 12, "origin", ThriftShape.STRING, DEFAULT, InteropRules.DEFAULT_ORIGIN));

  static final Struct PAYLOAD = new Struct("Payload", true, List.of(
      field(1, "text", ThriftShape.STRING, OPTIONAL),
      field(2, "number", ThriftShape.I64, OPTIONAL),
      field(3, "data", ThriftShape.BINARY, OPTIONAL),
      field(5, "item", ITEM, OPTIONAL)));

  static final ThriftShape MATRIX = new ListOf(new ListOf(ThriftShape.I32));
  static final ThriftShape GROUPS = new MapOf(ThriftShape.STRING, new ListOf(ThriftShape.I64));

  static final Struct CONTAINERS = struct("Containers",
      field(1, "ints", new ListOf(ThriftShape.I32)),
      field(2, "names", new SetOf(ThriftShape.STRING)),
      field(3, "counts", new MapOf(ThriftShape.STRING, ThriftShape.I64)),
      field(4, "matrix", MATRIX),
      field(5, "groups", GROUPS),
      field(6, "labels", new MapOf(ThriftShape.I32, ThriftShape.STRING)),
      field(7, "items", new ListOf(ITEM)),
      field(8, "tiers", new SetOf(MEMBER_TIER)),
      field(9, "sizes", new MapOf(ThriftShape.STRING, DIMENSIONS)),
      field(10, "blobs", new ListOf(ThriftShape.BINARY)));

  static final Struct ITEM_NOT_FOUND = struct("ItemNotFound",
      field(1, "message", ThriftShape.STRING),
      field(2, "sku", ThriftShape.STRING));

  static final Struct OUT_OF_STOCK = struct("OutOfStock",
      field(1, "message", ThriftShape.STRING),
      field(2, "sku", ThriftShape.STRING),
      field(3, "available", ThriftShape.I32),
      field(4, "requested", ThriftShape.I32));

  static final Struct INVALID_REQUEST = struct("InvalidRequest",
      field(1, "message", ThriftShape.STRING),
      field(2, "field", ThriftShape.STRING));

  /** Result field ids of reserve's declared exceptions. */
  static final short NOT_FOUND_ID = 1;
  static final short OUT_OF_STOCK_ID = 2;
  static final short INVALID_ID = 5;

  static final Map<String, Method> METHODS = methods(
      method("ping", null),
      echo("echoBool", ThriftShape.BOOL),
      echo("echoByte", ThriftShape.I8),
      echo("echoI16", ThriftShape.I16),
      echo("echoI32", ThriftShape.I32),
      echo("echoI64", ThriftShape.I64),
      echo("echoDouble", ThriftShape.DOUBLE),
      echo("echoString", ThriftShape.STRING),
      echo("echoBinary", ThriftShape.BINARY),
      echo("echoUuid", ThriftShape.UUID),
      echo("echoEnum", MEMBER_TIER),
      echo("echoAllTypes", ALL_TYPES),
      method("echoItem", ITEM, field(1, "item", ITEM)),
      method("echoUnion", PAYLOAD, field(1, "payload", PAYLOAD)),
      echo("echoContainers", CONTAINERS),
      method("echoStringList", new ListOf(ThriftShape.STRING),
          field(1, "values", new ListOf(ThriftShape.STRING))),
      method("echoStringSet", new SetOf(ThriftShape.STRING),
          field(1, "values", new SetOf(ThriftShape.STRING))),
      echo("echoMap", new MapOf(ThriftShape.I32, ThriftShape.STRING)),
      method("echoMatrix", MATRIX, field(1, "matrix", MATRIX)),
      method("echoGroups", GROUPS, field(1, "groups", GROUPS)),
      method("add", ThriftShape.I64, field(1, "left", ThriftShape.I32), field(3, "right", ThriftShape.I64)),
      new Method("getItem",
          struct("getItem_args", field(1, "sku", ThriftShape.STRING)),
          struct("getItem_result",
              field(0, "success", ITEM, OPTIONAL),
              field(NOT_FOUND_ID, "not_found", ITEM_NOT_FOUND, OPTIONAL)),
          false),
      new Method("reserve",
          struct("reserve_args", field(1, "sku", ThriftShape.STRING), field(3, "quantity", ThriftShape.I32)),
          struct("reserve_result",
              field(0, "success", ThriftShape.I32, OPTIONAL),
              field(NOT_FOUND_ID, "not_found", ITEM_NOT_FOUND, OPTIONAL),
              field(OUT_OF_STOCK_ID, "out_of_stock", OUT_OF_STOCK, OPTIONAL),
              field(INVALID_ID, "invalid", INVALID_REQUEST, OPTIONAL)),
          false),
      method("failUndeclared", null, field(1, "message", ThriftShape.STRING)),
      new Method("logEvent",
          struct("logEvent_args", field(1, "event", ThriftShape.STRING)),
          struct("logEvent_result"),
          true),
      method("loggedEvents", new ListOf(ThriftShape.STRING)),
      method("delay", null, field(1, "millis", ThriftShape.I32)));

  private InteropThriftSchema() {}

  private static Field field(int id, String name, ThriftShape type) {
    return field(id, name, type, DEFAULT);
  }

  private static Field field(int id, String name, ThriftShape type, Requiredness requiredness) {
    return new Field((short) id, name, type, requiredness, null);
  }

  private static Struct struct(String name, Field... fields) {
    return new Struct(name, false, List.of(fields));
  }

  /** A method with one argument, {@code 1: value}, of the result's type. */
  private static Method echo(String name, ThriftShape type) {
    return method(name, type, field(1, "value", type));
  }

  /** A two-way method without declared exceptions; a null result type means void. */
  private static Method method(String name, ThriftShape resultType, Field... args) {
    List<Field> result = new ArrayList<>();
    if (resultType != null) {
      result.add(field(0, "success", resultType, OPTIONAL));
    }
    return new Method(name,
        struct(name + "_args", args),
        new Struct(name + "_result", false, result),
        false);
  }

  private static Map<String, Method> methods(Method... methods) {
    Map<String, Method> byName = new LinkedHashMap<>();
    for (Method m : methods) {
      byName.put(m.name(), m);
    }
    return java.util.Collections.unmodifiableMap(byName);
  }
}
