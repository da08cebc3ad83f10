package dev.polyglot.translate;

import static dev.polyglot.translate.Tree.bin;
import static dev.polyglot.translate.Tree.enumNumber;
import static dev.polyglot.translate.Tree.list;
import static dev.polyglot.translate.Tree.map;
import static dev.polyglot.translate.Tree.set;
import static dev.polyglot.translate.Tree.struct;

import dev.polyglot.translate.event.StructPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Named values of the zoo types, shared by the codec tests. */
final class ZooValues {
  private ZooValues() {}

  record Named(String name, StructPlan plan, Tree.Struct value) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String MULTILINGUAL = "Grüße, 世界! Привет, мир. مرحبا 🌍🚀 ñ";

  static byte[] mebibyte() {
    byte[] b = new byte[1 << 20];
    new Random(42).nextBytes(b);
    return b;
  }

  static Tree.Struct dims(double width) {
    return struct(Zoo.thrift("Dims"), "width_cm", width);
  }

  /** Thrift values of zoo.Everything, zoo.Choice, zoo.Nested and zoo.Node. */
  static List<Named> thrift() {
    StructPlan e = Zoo.thrift("Everything");
    StructPlan choice = Zoo.thrift("Choice");
    StructPlan nested = Zoo.thrift("Nested");
    List<Named> v = new ArrayList<>();
    v.add(new Named("only the required field", e, struct(e, "sku", "A-1")));
    v.add(
        new Named(
            "minimum integers, negative zero and empty values",
            e,
            struct(
                e,
                "a_bool", false,
                "a_byte", (long) Byte.MIN_VALUE,
                "a_i16", (long) Short.MIN_VALUE,
                "a_i32", (long) Integer.MIN_VALUE,
                "a_i64", Long.MIN_VALUE,
                "a_double", -0.0,
                "a_string", "",
                "a_binary", bin(),
                "a_uuid", new UUID(0, 0),
                "color", enumNumber(1),
                "longs", list(),
                "tags", set(),
                "names", map(),
                "maybe", "",
                "sku", "")));
    v.add(
        new Named(
            "maximum integers, multilingual text and a 1 MiB binary",
            e,
            struct(
                e,
                "a_bool", true,
                "a_byte", (long) Byte.MAX_VALUE,
                "a_i16", (long) Short.MAX_VALUE,
                "a_i32", (long) Integer.MAX_VALUE,
                "a_i64", Long.MAX_VALUE,
                "a_double", 1e307,
                "a_string", MULTILINGUAL,
                "a_binary", new Tree.Bin(mebibyte()),
                "a_uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                "color", enumNumber(3),
                "sku", MULTILINGUAL)));
    for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-292, 0.0, Double.MIN_VALUE}) {
      v.add(new Named("double " + d, e, struct(e, "a_double", d, "sku", "d")));
    }
    v.add(
        new Named(
            "containers of every kind",
            e,
            struct(
                e,
                "dims", struct(Zoo.thrift("Dims"), "width_cm", 1.5, "height_cm", 2.5),
                "longs", list(1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 0L),
                "tags", set("a", "b", MULTILINGUAL, ""),
                "names", map(1L, "one", -2L, "minus two", 0L, ""),
                "all_dims", list(dims(1.0), dims(-0.0), dims(Double.NaN)),
                "sku", "c",
                "weights", map(enumNumber(1), 0.5, enumNumber(2), -1e-292),
                "ids", set(5L, 6L, Long.MIN_VALUE),
                "flags", list(true, false, true))));
    v.add(new Named("a union holding text", e, struct(e, "choice", struct(choice, "text", "hi"), "sku", "u")));
    v.add(new Named("a union holding a number", e, struct(e, "choice", struct(choice, "number", -7L), "sku", "u")));
    v.add(new Named("a union holding a struct", e, struct(e, "choice", struct(choice, "dims", dims(3.0)), "sku", "u")));
    v.add(new Named("an empty union", e, struct(e, "choice", struct(choice), "sku", "u")));
    v.add(
        new Named(
            "containers inside containers",
            nested,
            struct(
                nested,
                "matrix", list(list(1L, 2L), list(), list(Long.MIN_VALUE)),
                "index", map("a", list(1L, 2L, 3L), "", list()),
                "tags", set("x"),
                "groups", list(set("p", "q"), set()),
                "deep", map("outer", map("inner", 42L)))));
    v.add(new Named("nesting at the depth limit", Zoo.thrift("Node"), node(64)));
    return v;
  }

  /** A chain of {@code depth} zoo.Node structs (the root counts as depth 1). */
  static Tree.Struct node(int depth) {
    StructPlan node = Zoo.thrift("Node");
    Tree.Struct s = struct(node, "value", (long) depth);
    for (int i = depth - 1; i >= 1; i--) s = struct(node, "child", s, "value", (long) i);
    return s;
  }

  /** A chain of {@code depth} zoo.v1.Node messages. */
  static Tree.Struct protoNode(int depth) {
    StructPlan node = Zoo.proto("Node");
    Tree.Struct s = struct(node, "value", (long) depth);
    for (int i = depth - 1; i >= 1; i--) s = struct(node, "child", s, "value", (long) i);
    return s;
  }

  /**
   * Proto values of zoo.v1.Scalars and zoo.v1.Everything, fields in number order (protobuf-java
   * writes in number order, so these compare byte for byte). Implicit-presence fields hold
   * non-default values, since protobuf omits defaults and a round trip cannot bring them back.
   */
  static List<Named> proto() {
    StructPlan s = Zoo.proto("Scalars");
    StructPlan e = Zoo.proto("Everything");
    StructPlan d = Zoo.proto("Dims");
    List<Named> v = new ArrayList<>();
    v.add(new Named("an empty message", s, struct(s)));
    v.add(
        new Named(
            "every scalar at its maximum",
            s,
            struct(
                s,
                "a_bool", true,
                "a_int32", (long) Integer.MAX_VALUE,
                "a_int64", Long.MAX_VALUE,
                "a_uint32", 0xFFFF_FFFFL,
                "a_uint64", -1L,
                "a_sint32", (long) Integer.MAX_VALUE,
                "a_sint64", Long.MAX_VALUE,
                "a_fixed32", 0xFFFF_FFFFL,
                "a_fixed64", -1L,
                "a_sfixed32", (long) Integer.MAX_VALUE,
                "a_sfixed64", Long.MAX_VALUE,
                "a_float", (double) Float.MAX_VALUE,
                "a_double", 1e307,
                "a_string", MULTILINGUAL,
                "a_bytes", new Tree.Bin(mebibyte()),
                "color", enumNumber(3),
                "maybe_int", (long) Integer.MAX_VALUE,
                "maybe_string", "x")));
    v.add(
        new Named(
            "every scalar at its minimum, and explicit presence holding defaults",
            s,
            struct(
                s,
                "a_int32", (long) Integer.MIN_VALUE,
                "a_int64", Long.MIN_VALUE,
                "a_uint32", 1L,
                "a_uint64", 1L,
                "a_sint32", (long) Integer.MIN_VALUE,
                "a_sint64", Long.MIN_VALUE,
                "a_fixed32", 1L,
                "a_fixed64", 1L,
                "a_sfixed32", (long) Integer.MIN_VALUE,
                "a_sfixed64", Long.MIN_VALUE,
                "a_float", (double) -1e-30f,
                "a_double", -0.0,
                "color", enumNumber(99),
                "maybe_int", 0L,
                "maybe_string", "")));
    for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-292}) {
      v.add(new Named("double " + x, s, struct(s, "a_double", x)));
    }
    v.add(
        new Named(
            "repeated, map and nested fields",
            e,
            struct(
                e,
                "scalars", struct(s, "a_int32", 5L),
                "longs", list(1L, -1L, Long.MAX_VALUE, 0L),
                "unpacked", list(1L, -2L, 0L),
                "names", list("a", "", MULTILINGUAL),
                "all_dims", list(struct(d, "width_cm", 1.5), struct(d), struct(d, "width_cm", 2.0, "height_cm", 0.0)),
                "counts", map("a", 1L, "b", 0L, "", -5L),
                "dims_by_id", map(1L, struct(d, "width_cm", 9.0), 0L, struct(d)),
                "colors", list(enumNumber(1), enumNumber(0), enumNumber(42)),
                "doubles", list(0.0, -0.0, Double.NaN, 1e307),
                "color_by_name", map("r", enumNumber(1), "z", enumNumber(0)),
                "zigzags", list(-1L, 1L, (long) Integer.MIN_VALUE),
                "fixeds", list(-1L, 0L))));
    v.add(new Named("oneof holding text", e, struct(e, "text", "")));
    v.add(new Named("oneof holding a number", e, struct(e, "number", 0L)));
    v.add(new Named("oneof holding a message", e, struct(e, "dims", struct(d, "width_cm", 1.0))));
    v.add(new Named("nesting at the depth limit", Zoo.proto("Node"), protoNode(64)));
    return v;
  }
}
