package dev.polyglot.translate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Limits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Thrift view over the zoo: canonical JSON → Thrift binary and compact → JSON gives back the
 * same bytes; alternative input spellings come back canonical; and the binary we produce from JSON
 * is read back field by field with libthrift's own {@link TBinaryProtocol}.
 */
class ThriftJsonRoundTripTest {
  private static final Transcoder TRANSCODER = Zoo.transcoder(Limits.DEFAULT);
  private static final String MIB = Base64.getEncoder().encodeToString(pattern(1 << 20));

  static Stream<Arguments> canonical() {
    return Stream.of(
        Arguments.of("every scalar at its minimum", "Scalars",
            "{\"a_bool\":false,\"an_i8\":-128,\"an_i16\":-32768,\"an_i32\":-2147483648,\"an_i64\":-9223372036854775808,"
                + "\"a_double\":-1.7976931348623157E308,\"a_string\":\"\",\"some_bytes\":\"\",\"color\":\"RED\","
                + "\"maybe_note\":\"\",\"maybe_count\":0,\"an_id\":\"00000000-0000-0000-0000-000000000000\"}"),
        Arguments.of("every scalar at its maximum", "Scalars",
            "{\"a_bool\":true,\"an_i8\":127,\"an_i16\":32767,\"an_i32\":2147483647,\"an_i64\":9223372036854775807,"
                + "\"a_double\":1.0E307,\"a_string\":\"Ünïcödé 日本語 العربية עברית 🎉🏳️‍🌈\",\"some_bytes\":\"AAEC/w==\","
                + "\"color\":\"BLUE\",\"an_id\":\"00112233-4455-6677-8899-aabbccddeeff\"}"),
        Arguments.of("tiny double", "Scalars", "{\"a_double\":1.0E-292}"),
        Arguments.of("negative zero", "Scalars", "{\"a_double\":-0.0}"),
        Arguments.of("positive zero", "Scalars", "{\"a_double\":0.0}"),
        Arguments.of("NaN", "Scalars", "{\"a_double\":\"NaN\"}"),
        Arguments.of("Infinity", "Scalars", "{\"a_double\":\"Infinity\"}"),
        Arguments.of("-Infinity", "Scalars", "{\"a_double\":\"-Infinity\"}"),
        Arguments.of("JSON escape torture string", "Scalars",
            "{\"a_string\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001F" + (char) 0x7f + "</script>&#x27; "
                + (char) 0x2028 + (char) 0x2029 + " \uD83D\uDE00 \\\\u0041\"}"),
        Arguments.of("a 1 MiB binary", "Scalars", "{\"some_bytes\":\"" + MIB + "\"}"),
        Arguments.of("empty struct: unset optional fields are omitted", "Scalars", "{}"),
        Arguments.of("lists, sets and string-keyed maps", "Containers",
            "{\"skus\":[-9223372036854775808,0,9223372036854775807],\"tags\":[\"\",\"a\",\"日本\"],\"by_name\":{\"\":0,\"a\":-1}}"),
        Arguments.of("non-string keys use their JSON text", "Containers",
            "{\"by_id\":{\"-5\":\"minus\",\"9223372036854775807\":\"max\"},\"by_color\":{\"RED\":[{\"width_cm\":1}],\"BLUE\":[]},"
                + "\"by_dims\":{\"{\\\"width_cm\\\":1,\\\"height_cm\\\":2}\":\"one by two\",\"{}\":\"empty\"},"
                + "\"by_ratio\":{\"NaN\":true,\"1.5\":false,\"-Infinity\":true}}"),
        Arguments.of("nested lists, enum sets, a union", "Containers",
            "{\"grid\":[[1,2],[],[-3]],\"colors\":[\"GREEN\",\"RED\"],\"choice\":{\"dims\":{\"height_cm\":7}}}"),
        Arguments.of("empty containers are kept", "Containers", "{\"skus\":[],\"tags\":[],\"by_name\":{},\"grid\":[[]]}"),
        Arguments.of("required and optional fields", "Order", "{\"sku\":\"A-1\",\"qty\":3,\"dims\":{\"width_cm\":10,\"height_cm\":20}}"),
        Arguments.of("recursion", "Tree", "{\"name\":\"root\",\"children\":[{\"name\":\"a\",\"children\":[{\"name\":\"a1\",\"children\":[]}]}]}"));
  }

  @ParameterizedTest(name = "{0} through Thrift binary")
  @MethodSource("canonical")
  void canonicalJsonSurvivesThriftBinary(String name, String type, String json) {
    assertRoundTrip(type, json, WireFormat.THRIFT_BINARY);
  }

  @ParameterizedTest(name = "{0} through Thrift compact")
  @MethodSource("canonical")
  void canonicalJsonSurvivesThriftCompact(String name, String type, String json) {
    assertRoundTrip(type, json, WireFormat.THRIFT_COMPACT);
  }

  private static void assertRoundTrip(String type, String json, WireFormat via) {
    byte[] wire = TRANSCODER.transcode(Zoo.thrift(type), WireFormat.THRIFT_JSON, via, json.getBytes(StandardCharsets.UTF_8));
    byte[] back = TRANSCODER.transcode(Zoo.thrift(type), via, WireFormat.THRIFT_JSON, wire);
    assertEquals(json, new String(back, StandardCharsets.UTF_8));
  }

  static Stream<Arguments> alternativeSpellings() {
    return Stream.of(
        Arguments.of("i64 as a string of digits", "Scalars", "{\"an_i64\":\"-42\"}", "{\"an_i64\":-42}"),
        Arguments.of("enum by number", "Scalars", "{\"color\":2}", "{\"color\":\"GREEN\"}"),
        Arguments.of("integral number in exponent form", "Scalars", "{\"an_i32\":1E3}", "{\"an_i32\":1000}"),
        Arguments.of("double as an integer", "Scalars", "{\"a_double\":5}", "{\"a_double\":5.0}"),
        Arguments.of("URL-safe unpadded base64", "Scalars", "{\"some_bytes\":\"_-8\"}", "{\"some_bytes\":\"/+8=\"}"),
        Arguments.of("null is absent", "Scalars", "{\"a_string\":null,\"an_i32\":1}", "{\"an_i32\":1}"),
        Arguments.of("upper-case UUID", "Scalars", "{\"an_id\":\"00112233-4455-6677-8899-AABBCCDDEEFF\"}",
            "{\"an_id\":\"00112233-4455-6677-8899-aabbccddeeff\"}"),
        Arguments.of("enum-number map keys", "Containers", "{\"by_color\":{\"3\":[]}}", "{\"by_color\":{\"BLUE\":[]}}"),
        Arguments.of("whitespace in struct keys", "Containers", "{\"by_dims\":{\" { \\\"width_cm\\\" : 1 } \":\"x\"}}",
            "{\"by_dims\":{\"{\\\"width_cm\\\":1}\":\"x\"}}"),
        Arguments.of("escaped DEL, line separators and surrogate pairs", "Scalars",
            "{\"a_string\":\"\\u007F\\u2028\\u2029\\uD83D\\uDE00\"}",
            "{\"a_string\":\"" + (char) 0x7f + (char) 0x2028 + (char) 0x2029 + "\uD83D\uDE00\"}"),
        Arguments.of("fields out of declaration order", "Order", "{\"qty\":1,\"sku\":\"s\"}", "{\"qty\":1,\"sku\":\"s\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alternativeSpellings")
  void alternativeSpellingsComeBackCanonical(String name, String type, String input, String canonical) {
    byte[] wire = TRANSCODER.transcode(Zoo.thrift(type), WireFormat.THRIFT_JSON, WireFormat.THRIFT_BINARY, input.getBytes(StandardCharsets.UTF_8));
    assertEquals(canonical, new String(TRANSCODER.transcode(Zoo.thrift(type), WireFormat.THRIFT_BINARY, WireFormat.THRIFT_JSON, wire),
        StandardCharsets.UTF_8));
  }

  @Test
  void libthriftReadsTheBinaryWeWriteFromJson() throws Exception {
    String json = "{\"a_bool\":true,\"an_i8\":-128,\"an_i64\":-9223372036854775808,\"a_double\":\"NaN\",\"a_string\":\"日本\","
        + "\"some_bytes\":\"AP8=\",\"color\":\"GREEN\",\"an_id\":\"00112233-4455-6677-8899-aabbccddeeff\"}";
    byte[] wire = TRANSCODER.transcode(Zoo.thrift("Scalars"), WireFormat.THRIFT_JSON, WireFormat.THRIFT_BINARY, json.getBytes(StandardCharsets.UTF_8));
    TProtocol in = new TBinaryProtocol(new TMemoryInputTransport(wire));
    in.readStructBegin();
    assertField(in, 1, TType.BOOL);
    assertEquals(true, in.readBool());
    assertField(in, 2, TType.BYTE);
    assertEquals(-128, in.readByte());
    assertField(in, 5, TType.I64);
    assertEquals(Long.MIN_VALUE, in.readI64());
    assertField(in, 6, TType.DOUBLE);
    assertEquals(Double.NaN, in.readDouble());
    assertField(in, 7, TType.STRING);
    assertEquals("日本", in.readString());
    assertField(in, 8, TType.STRING);
    java.nio.ByteBuffer bytes = in.readBinary();
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    assertEquals("00ff", java.util.HexFormat.of().formatHex(copy));
    assertField(in, 9, TType.I32);
    assertEquals(2, in.readI32());
    assertField(in, 12, TType.UUID);
    assertEquals(java.util.UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"), in.readUuid());
    assertEquals(TType.STOP, in.readFieldBegin().type);
  }

  private static void assertField(TProtocol in, int id, byte type) throws Exception {
    TField f = in.readFieldBegin();
    assertEquals(id, f.id);
    assertEquals(type, f.type);
  }

  private static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + (i >>> 8));
    return Arrays.copyOf(b, n);
  }
}
