package dev.polyglot.conformance.testing;

import static dev.polyglot.conformance.testing.ThriftValue.bin;
import static dev.polyglot.conformance.testing.ThriftValue.bool;
import static dev.polyglot.conformance.testing.ThriftValue.dbl;
import static dev.polyglot.conformance.testing.ThriftValue.i16;
import static dev.polyglot.conformance.testing.ThriftValue.i32;
import static dev.polyglot.conformance.testing.ThriftValue.i64;
import static dev.polyglot.conformance.testing.ThriftValue.i8;
import static dev.polyglot.conformance.testing.ThriftValue.list;
import static dev.polyglot.conformance.testing.ThriftValue.map;
import static dev.polyglot.conformance.testing.ThriftValue.set;
import static dev.polyglot.conformance.testing.ThriftValue.str;
import static dev.polyglot.conformance.testing.ThriftValue.struct;
import static dev.polyglot.conformance.testing.ThriftValue.uuid;
import static org.apache.thrift.protocol.TType.I32;
import static org.apache.thrift.protocol.TType.I64;
import static org.apache.thrift.protocol.TType.LIST;
import static org.apache.thrift.protocol.TType.STRING;
import static org.apache.thrift.protocol.TType.STRUCT;

/**
 * Values of the interop service's Thrift types (interop.thrift), by field id, and what the interop
 * service answers for them: the tables that the reference backend's tests and the end-to-end suites
 * share. The HTTP and gRPC suites spell the same values in JSON and protobuf; keep them in step.
 */
public final class InteropValues {
  private InteropValues() {}

  /** The 256 byte values in order. Do not write to it. */
  public static final byte[] ALL_BYTES = allBytes();

  /** An Item with every field set. */
  public static final ThriftValue.Struct FULL_ITEM = struct(
      1, str("desk-42"),
      2, str("a desk"),
      3, i32(3),
      4, struct(1, i32(120), 2, i32(75)),
      7, struct(1, i32(130), 2, i32(80), 5, i32(15)),
      9, list(STRING, str("wood"), str("oak")),
      11, i32(8),
      12, str("factory"));

  /** An Item with its required field only: the optional ones stay unset on the way back. */
  public static final ThriftValue.Struct MINIMAL_ITEM = struct(1, str("pen-1"));

  /** {@link #MINIMAL_ITEM} as every reader of the Thrift IDL makes of it: with its defaults filled in. */
  public static final ThriftValue.Struct MINIMAL_ITEM_WITH_DEFAULTS =
      struct(1, str("pen-1"), 3, i32(1), 12, str("warehouse"));

  /** An AllTypes with every field that has a value to show set. */
  public static final ThriftValue.Struct ALL_TYPES = struct(
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

  /** A Containers with every container shape, non-empty. */
  public static final ThriftValue.Struct CONTAINERS = containers(MINIMAL_ITEM_WITH_DEFAULTS);

  /** {@link #CONTAINERS} after a trip through the proto IDL: the item without tags has an empty tags list. */
  public static final ThriftValue.Struct CONTAINERS_THROUGH_PROTO = containers(
      struct(1, str("pen-1"), 3, i32(1), 9, list(STRING), 12, str("warehouse")));

  /** A Containers with every container present and empty. */
  public static final ThriftValue.Struct EMPTY_CONTAINERS = struct(
      1, list(I32),
      2, set(STRING),
      3, map(STRING, I64),
      4, list(LIST),
      5, map(STRING, LIST),
      6, map(I32, STRING),
      7, list(STRUCT),
      8, set(I32),
      9, map(STRING, STRUCT),
      10, list(STRING));

  private static ThriftValue.Struct containers(ThriftValue.Struct secondItem) {
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
  public static ThriftValue.Struct stockItem(String sku) {
    return struct(1, str(sku), 3, i32(7), 4, struct(1, i32(10), 2, i32(20)), 9, list(STRING, str("stock")),
        12, str("warehouse"));
  }

  /** The ItemNotFound that getItem and reserve raise for the sku "missing". */
  public static final ThriftValue.Struct ITEM_NOT_FOUND =
      struct(1, str("no item with sku missing"), 2, str("missing"));

  /** The OutOfStock that reserve raises for 150 of desk-42. */
  public static final ThriftValue.Struct OUT_OF_STOCK =
      struct(1, str("sku desk-42: 150 requested, 100 available"), 2, str("desk-42"), 3, i32(100), 4, i32(150));

  /** The InvalidRequest that reserve raises for a quantity of 0. */
  public static final ThriftValue.Struct INVALID_QUANTITY =
      struct(1, str("quantity: 0 (expected: at least 1)"), 2, str("quantity"));

  /** 1 MiB of bytes that are not a repeating short pattern; a fresh array each call. */
  public static byte[] mebibyte() {
    byte[] payload = new byte[1 << 20];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 31 + (i >>> 8));
    }
    return payload;
  }

  private static byte[] allBytes() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < 256; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }
}
