package dev.polyglot.conformance.e2e;

import static dev.polyglot.conformance.e2e.TValue.bin;
import static dev.polyglot.conformance.e2e.TValue.bool;
import static dev.polyglot.conformance.e2e.TValue.dbl;
import static dev.polyglot.conformance.e2e.TValue.i16;
import static dev.polyglot.conformance.e2e.TValue.i32;
import static dev.polyglot.conformance.e2e.TValue.i64;
import static dev.polyglot.conformance.e2e.TValue.i8;
import static dev.polyglot.conformance.e2e.TValue.list;
import static dev.polyglot.conformance.e2e.TValue.map;
import static dev.polyglot.conformance.e2e.TValue.set;
import static dev.polyglot.conformance.e2e.TValue.str;
import static dev.polyglot.conformance.e2e.TValue.struct;
import static dev.polyglot.conformance.e2e.TValue.uuid;
import static org.apache.thrift.protocol.TType.I32;
import static org.apache.thrift.protocol.TType.I64;
import static org.apache.thrift.protocol.TType.LIST;
import static org.apache.thrift.protocol.TType.STRING;
import static org.apache.thrift.protocol.TType.STRUCT;

/** Values of the interop service's Thrift types (interop.thrift), by field id, shared by the e2e suites. */
final class InteropValues {
  private InteropValues() {}

  static final byte[] ALL_BYTES = allBytes();

  /** An Item with every field set. */
  static final TValue.Struct FULL_ITEM = struct(
      1, str("desk-42"),
      2, str("a desk"),
      3, i32(3),
      4, struct(1, i32(120), 2, i32(75)),
      7, struct(1, i32(130), 2, i32(80), 5, i32(15)),
      9, list(STRING, str("wood"), str("oak")),
      11, i32(8),
      12, str("factory"));

  /** An Item with its required field only: the optional ones stay unset on the way back. */
  static final TValue.Struct MINIMAL_ITEM = struct(1, str("pen-1"));
  static final TValue.Struct MINIMAL_ITEM_WITH_DEFAULTS = struct(1, str("pen-1"), 3, i32(1), 12, str("warehouse"));

  static final TValue.Struct ALL_TYPES = struct(
      1, bool(true),
      2, i8(-128),
      3, i16(32767),
      4, i32(Integer.MIN_VALUE),
      6, i64(Long.MAX_VALUE),
      8, dbl(-0.5),
      10, str("Grüße, 世界 🌍"),
      11, bin(ALL_BYTES),
      13, uuid("0b6c4d8e-1f2a-4c3b-9d8e-7f6a5b4c3d2e"),
      15, i32(20),
      16, i64((1L << 53) + 1));

  static final TValue.Struct CONTAINERS = containers(MINIMAL_ITEM_WITH_DEFAULTS);

  /** {@link #CONTAINERS} after a trip through the proto IDL: the item without tags has an empty tags list. */
  static final TValue.Struct CONTAINERS_THROUGH_PROTO = containers(
      struct(1, str("pen-1"), 3, i32(1), 9, list(STRING), 12, str("warehouse")));

  private static TValue.Struct containers(TValue.Struct secondItem) {
    return struct(
      1, list(I32, i32(1), i32(-2), i32(3)),
      2, set(STRING, str("alpha"), str("βeta")),
      3, map(STRING, I64, str("big"), i64(1L << 32), str("negative"), i64(-1)),
      4, list(LIST, list(I32, i32(1), i32(2)), list(I32), list(I32, i32(3))),
      5, map(STRING, LIST, str("evens"), list(I64, i64(2), i64(4)), str("none"), list(I64)),
      6, map(I32, STRING, i32(-1), str("minus one"), i32(20), str("twenty")),
      7, list(STRUCT, FULL_ITEM, secondItem),
      8, set(I32, i32(1), i32(20)),
      9, map(STRING, STRUCT, str("small"), struct(1, i32(1), 2, i32(2))),
      10, list(STRING, bin(new byte[] {0, -1}), bin(new byte[0])));
  }

  /** The item getItem returns for any sku but "missing". */
  static TValue.Struct stockItem(String sku) {
    return struct(1, str(sku), 3, i32(7), 4, struct(1, i32(10), 2, i32(20)), 9, list(STRING, str("stock")),
        12, str("warehouse"));
  }

  static final TValue.Struct ITEM_NOT_FOUND = struct(1, str("no item with sku missing"), 2, str("missing"));
  static final TValue.Struct OUT_OF_STOCK =
      struct(1, str("sku desk-42: 150 requested, 100 available"), 2, str("desk-42"), 3, i32(100), 4, i32(150));
  static final TValue.Struct INVALID_QUANTITY = struct(1, str("quantity: 0 (expected: at least 1)"), 2, str("quantity"));

  /** 1 MiB of bytes that are not a repeating short pattern. */
  static byte[] mebibyte() {
    byte[] payload = new byte[1 << 20];
    for (int i = 0; i < payload.length; i++) payload[i] = (byte) (i * 31 + (i >>> 8));
    return payload;
  }

  private static byte[] allBytes() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < 256; i++) bytes[i] = (byte) i;
    return bytes;
  }
}
