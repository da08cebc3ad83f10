package dev.polyglot.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.event.ValueSource;
import dev.polyglot.translate.status.StatusCode;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile inputs for every binary reader, each with the exact error: path, what was
 * wrong, what was expected. Hex is written field by field: header, then value.
 */
class MalformedInputTest {

  record Case(String name, WireFormat format, String type, byte[] input, Limits limits, String expected) {
    @Override
    public String toString() {
      return format + ": " + name;
    }
  }

  private static Case c(String name, WireFormat f, String type, String hex, String expected) {
    return new Case(name, f, type, hex(hex), Limits.DEFAULT, expected);
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  private static final Limits SMALL = Limits.builder().maxMessageBytes(16).maxStringBytes(4).maxContainerSize(3).build();
  private static final String DEEP_PATH = String.join(".", java.util.Collections.nCopies(64, "child"));
  private static final String TOO_DEEP = DEEP_PATH + ": nesting depth 65 exceeds the limit (expected: at most 64 levels)";
  private static final String ENUM_7 = "color: 7 is not a value of enum zoo.Color (expected: one of RED=1, GREEN=2, BLUE=3)";
  private static final String BAD_UTF8 = "a_string: invalid UTF-8 at byte 0 of a 2-byte string (expected: valid UTF-8 text)";

  static Stream<Case> cases() {
    WireFormat b = WireFormat.THRIFT_BINARY;
    WireFormat k = WireFormat.THRIFT_COMPACT;
    WireFormat p = WireFormat.PROTOBUF;
    String e = "zoo.Everything";
    String s = "zoo.v1.Scalars";
    String pe = "zoo.v1.Everything";
    return Stream.of(
        // ---- Thrift binary ----
        c("empty input", b, e, "", "input ends early (expected: a field header or STOP)"),
        c("truncated i32", b, e, "08 0004 0000", "a_i32: input ends early (expected: an i32)"),
        c("truncated field header", b, e, "08 00", "input ends early (expected: a field header or STOP)"),
        c("string length over the limit", b, e, "0b 0007 7fffffff 41", "a_string: length 2147483647 exceeds the limit (expected: at most 16777216 bytes)"),
        c("string length past the end", b, e, "0b 0007 00010000 41", "a_string: length 65536 exceeds the 1 bytes remaining (expected: at most 1)"),
        c("string body cut short", b, e, "0b 0007 00000005 4142", "a_string: length 5 exceeds the 2 bytes remaining (expected: at most 2)"),
        c("negative string length", b, e, "0b 0007 ffffffff", "a_string: negative length -1 (expected: 0 or more bytes)"),
        c("list size over the limit", b, e, "0f 000d 0a 7fffffff", "longs: list size 2147483647 exceeds the limit (expected: at most 1048576)"),
        c("list size past the end", b, e, "0f 000d 0a 00001000 00", "longs: list size 4096 needs at least 32768 bytes but 1 remain (expected: a size that fits the input)"),
        c("negative list size", b, e, "0f 000d 0a ffffffff", "longs: negative list size -1 (expected: 0 or more)"),
        c("negative map size", b, e, "0d 000f 08 0b 80000000", "names: negative map size -2147483648 (expected: 0 or more)"),
        c("wrong field type", b, e, "0b 0004 00000001 41", "a_i32: Thrift type string does not match the field (expected: i32)"),
        c("wrong list element type", b, e, "0f 000d 08 00000001 00000005", "longs: list element type i32 does not match (expected: i64)"),
        c("wrong map key type", b, e, "0d 000f 0b 0b 00000001 00000001 61 00000001 62", "names: map types string,string do not match (expected: i32,string)"),
        c("invalid UTF-8", b, e, "0b 0007 00000002 c328", BAD_UTF8),
        c("UTF-16 surrogate encoded in UTF-8", b, e, "0b 0007 00000003 eda080", "a_string: invalid UTF-8 at byte 0 of a 3-byte string (expected: valid UTF-8 text)"),
        c("unknown enum number", b, e, "08 000a 00000007", ENUM_7),
        c("duplicate set element", b, e, "0e 000e 0b 00000002 00000001 61 00000001 61", "tags[1]: duplicate set element (expected: distinct elements)"),
        c("field repeated", b, e, "08 0004 00000001 08 0004 00000002", "a_i32: field id 4 appears twice (expected: at most once)"),
        c("required field missing", b, e, "00", "required field sku (id 18) of zoo.Everything is missing (expected: a value)"),
        c("union with two fields", b, "zoo.Choice", "0b 0001 00000001 61 0a 0002 0000000000000001 00", "union zoo.Choice has 2 fields set (expected: at most one)"),
        c("unknown field with an invalid type code", b, e, "63 0063", "<field id 99>: unknown Thrift type code 99 (expected: a Thrift type)"),
        c("unknown field cut short", b, e, "0b 0063 00000005 41", "<field id 99>: length 5 exceeds the 1 bytes remaining (expected: at most 1)"),
        c("unknown field with a negative length", b, e, "0b 00fe ffffff29 00 29", "<field id 254>: negative length -215 (expected: 0 or more bytes)"),
        c("unknown field holding a huge list", b, e, "0f 0063 08 7ffffff0", "<field id 99>: list size 2147483632 exceeds the limit (expected: at most 1048576)"),
        c("unknown field truncated inside a struct", b, e, "0c 0063 08 0001 0000", "input ends early (expected: the rest of unknown field 99)"),
        c("map value error names its key", b, e, "0d 000f 08 0b 00000001 00000007 00000001 ff", "names{7}: invalid UTF-8 at byte 0 of a 1-byte string (expected: valid UTF-8 text)"),
        c("list element error names its index", b, e, "0f 0010 0c 00000002 04 0001 3ff0000000000000 00 00", "all_dims[1]: required field width_cm (id 1) of zoo.Dims is missing (expected: a value)"),
        new Case("nesting one past the limit", b, "zoo.Node", hex("0c0001".repeat(64)), Limits.DEFAULT, TOO_DEEP),
        new Case("message over the size limit", b, e, new byte[17], SMALL, "message of 17 bytes is too large (expected: at most 16 bytes)"),
        new Case("string over the length limit", b, e, hex("0b 0007 00000005 6162636465"), SMALL, "a_string: length 5 exceeds the limit (expected: at most 4 bytes)"),
        // ---- Thrift compact ----
        c("empty input", k, e, "", "input ends early (expected: a field header or STOP)"),
        c("truncated varint", k, e, "45 80", "a_i32: input ends early (expected: an i32)"),
        c("string length over the limit", k, e, "78 ffffffff03 41", "a_string: length 1073741823 exceeds the limit (expected: at most 16777216 bytes)"),
        c("string length past the end", k, e, "78 e807 41", "a_string: length 1000 exceeds the 1 bytes remaining (expected: at most 1)"),
        c("negative string length", k, e, "78 ffffffff0f", "a_string: negative length -1 (expected: 0 or more bytes)"),
        c("overlong varint length", k, e, "78 ffffffffff7f", "a_string: malformed varint (expected: at most 5 bytes)"),
        c("list size over the limit", k, e, "d9 f6 ffffff7f", "longs: list size 268435455 exceeds the limit (expected: at most 1048576)"),
        c("list size past the end", k, e, "d9 f6 e807", "longs: list size 1000 needs at least 1000 bytes but 0 remain (expected: a size that fits the input)"),
        c("wrong field type", k, e, "48 01 41", "a_i32: Thrift type string does not match the field (expected: i32)"),
        c("invalid UTF-8", k, e, "78 02 c328", BAD_UTF8),
        c("unknown enum number", k, e, "a5 0e", ENUM_7),
        c("duplicate set element", k, e, "ea 28 0161 0161", "tags[1]: duplicate set element (expected: distinct elements)"),
        c("i16 out of range", k, e, "34 e0c508", "a_i16: 70000 is out of range (expected: an i16 between -32768 and 32767)"),
        c("invalid type in a field header", k, e, "4e", "malformed Thrift data (expected: a field header or STOP)"),
        c("invalid list element type", k, e, "d9 1e", "longs: unknown element type code 14 (expected: a Thrift compact type)"),
        c("overlong varint for an i32", k, e, "45 ffffffffffffff01", "a_i32: malformed varint (expected: at most 5 bytes)"),
        new Case("overlong varint in an unknown field", k, "zoo.Nested", hex("f5f4fdfffff4efe0"), Limits.DEFAULT, "<field id 15>: malformed varint (expected: at most 5 bytes)"),
        c("overlong varint in a field id", k, e, "05 ffffffffffff01", "malformed varint (expected: at most 5 bytes)"),
        new Case("unknown field with a negative length", k, "zoo.Nested", hex("d8 f6ffffff7f"), Limits.DEFAULT, "<field id 13>: negative length -10 (expected: 0 or more bytes)"),
        new Case("nesting one past the limit", k, "zoo.Node", hex("1c".repeat(64)), Limits.DEFAULT, TOO_DEEP),
        new Case("map size over a configured limit", k, e, hex("fb 04 58 01 61 02 62 03 63 04 64"), SMALL, "names: map size 4 exceeds the limit (expected: at most 3)"),
        // ---- protobuf ----
        c("truncated varint", p, s, "10 80", "a_int32: input ends early (expected: an int32)"),
        c("truncated fixed64", p, s, "49 010203", "a_fixed64: input ends early (expected: a fixed64)"),
        c("string length past the end", p, s, "72 ffffffff0f 41", "a_string: length 4294967295 exceeds the 1 bytes remaining (expected: at most 1)"),
        c("message length past the end", p, pe, "0a 05 10", "scalars: length 5 exceeds the 1 bytes remaining (expected: at most 1)"),
        c("varint of eleven bytes", p, s, "10 ffffffffffffffffffff01", "a_int32: malformed varint (expected: at most 10 bytes)"),
        c("wrong wire type", p, s, "12 01 41", "a_int32: wire type 2 (length-delimited) does not match (expected: 0 (varint) for an int32)"),
        c("invalid wire type on an unknown field", p, s, "9f06", "invalid wire type (expected: 0, 1, 2, 3, 4 or 5)"),
        c("field number zero", p, s, "00", "field number 0 (expected: a field number of 1 or more)"),
        c("invalid UTF-8", p, s, "72 02 c328", BAD_UTF8),
        c("int32 out of range", p, s, "10 808080808020", "a_int32: 1099511627776 is out of range (expected: an int32 between -2147483648 and 2147483647)"),
        c("uint32 out of range", p, s, "20 8080808010", "a_uint32: 4294967296 is out of range (expected: a uint32 between 0 and 4294967295)"),
        c("sint32 out of range", p, s, "30 8080808020", "a_sint32: zigzag value 8589934592 is out of range (expected: a sint32)"),
        c("Thrift i8 out of range", p, "zoo.Narrow", "08 ac02", "tiny: 300 is out of range (expected: an i8 between -128 and 127)"),
        c("unknown Thrift enum number", p, e, "50 07", ENUM_7),
        c("field repeated", p, s, "10 01 10 02", "a_int32: field number 2 appears twice (expected: at most once)"),
        c("two oneof members", p, pe, "42 0161 48 01", "number: oneof choice has more than one member set (expected: at most one)"),
        c("repeated field in two runs", p, pe, "12 0105 18 01 12 0106", "longs: repeated field number 2 appears in two separate runs (expected: its elements together)"),
        c("wrong wire type for a repeated element", p, pe, "1d 01000000", "unpacked[0]: wire type 5 (32-bit) does not match (expected: 0 (varint) for an int32)"),
        c("map value error names its integer key", p, pe, "3a 06 0807 12020801", "dims_by_id{7}.width_cm: wire type 0 (varint) does not match (expected: 1 (64-bit) for a double)"),
        c("map value error names its string key", p, pe, "6a 08 0a016b 1501000000", "color_by_name{\"k\"}: wire type 5 (32-bit) does not match (expected: 0 (varint) for a zoo.v1.Color)"),
        c("duplicate Thrift set element", p, e, "72 0161 72 0161", "tags[1]: duplicate set element (expected: distinct elements)"),
        c("unmatched end group", p, s, "a406", "unmatched end-group tag for field number 100 (expected: a matching start-group tag)"),
        new Case("nesting one past the limit", p, "zoo.v1.Node", nestedProto(64), Limits.DEFAULT, TOO_DEEP),
        new Case("message over the size limit", p, s, new byte[17], SMALL, "message of 17 bytes is too large (expected: at most 16 bytes)"),
        new Case("string over the length limit", p, s, hex("72 05 6162636465"), SMALL, "a_string: length 5 exceeds the limit (expected: at most 4 bytes)"),
        new Case("repeated field over the size limit", p, pe, hex("12 04 01020304"), SMALL, "longs: more than 3 elements (expected: at most 3)"));
  }

  /** {@code levels} nested {@code child} fields around an empty message. */
  private static byte[] nestedProto(int levels) {
    byte[] inner = new byte[0];
    for (int i = 0; i < levels; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0x0a);
      int len = inner.length;
      while (len >= 0x80) {
        out.write((len & 0x7f) | 0x80);
        len >>>= 7;
      }
      out.write(len);
      out.writeBytes(inner);
      inner = out.toByteArray();
    }
    return inner;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readerRejectsWithTheExactMessage(Case c) {
    StructPlan plan = Zoo.PLANS.struct(c.type());
    ValueSource reader = Codecs.standard().codec(c.format()).newReader(c.limits());
    TranscodeException e =
        assertThrows(TranscodeException.class, () -> reader.read(c.input(), 0, c.input().length, plan, new Tree.Builder()));
    assertEquals(c.expected(), e.getMessage());
    assertEquals(StatusCode.INVALID_ARGUMENT, e.code());
  }
}
