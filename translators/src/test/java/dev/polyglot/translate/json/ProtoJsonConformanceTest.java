package dev.polyglot.translate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Limits;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proto view checked against the reference: protobuf-java-util's {@link JsonFormat} over
 * {@link DynamicMessage}s built from the real descriptors of the same {@code zoo.proto}.
 *
 * <p>Each case states whether our output is byte-for-byte JsonFormat's compact output
 * ({@code omittingInsignificantWhitespace}) or only semantically equal. The known difference:
 * JsonFormat escapes {@code < > & = '} and U+2028/U+2029 as {@code \\uXXXX} (Gson's HTML-safe
 * escaping); we write them as they are, which every JSON parser reads back the same.
 *
 * <p>One deliberate difference: JsonFormat's parser reads {@code -0.0} as {@code 0.0} (it goes
 * through {@code BigDecimal}, which has no negative zero); we keep the sign, as protobuf-java's
 * generated code does on the wire. {@link #negativeZeroKeepsItsSign} pins that.
 */
class ProtoJsonConformanceTest {
  private static final Transcoder TRANSCODER = Zoo.transcoder(Limits.DEFAULT);
  private static final JsonFormat.TypeRegistry REGISTRY = registry();

  static Stream<Arguments> cases() {
    return Stream.of(
        c("every scalar at a non-default value", "Scalars", true, """
            {"aDouble":1.5,"aFloat":0.1,"anInt32":-7,"anInt64":"-9223372036854775808","aUint32":4294967295,
             "aUint64":"18446744073709551615","aSint32":-2147483648,"aSint64":"9223372036854775807","aFixed32":4294967295,
             "aFixed64":"18446744073709551615","aSfixed32":-1,"aSfixed64":"-2","aBool":true,"aString":"grüße 日本 🎉",
             "someBytes":"AAEC/w==","color":"BLUE","maybeCount":0,"maybeNote":""}"""),
        c("implicit fields at their default are omitted, explicit-presence ones kept", "Scalars", true, """
            {"anInt32":0,"aString":"","aBool":false,"color":"COLOR_UNSPECIFIED","someBytes":"","maybeCount":0}"""),
        c("NaN and infinities are strings", "Scalars", true, """
            {"aDouble":"NaN","aFloat":"-Infinity"}"""),
        c("positive infinity", "Scalars", true, """
            {"aDouble":"Infinity"}"""),
        c("tiny and huge doubles", "Scalars", true, """
            {"aDouble":1e-292,"aFloat":3.4028235e38}"""),
        c("huge double", "Scalars", true, """
            {"aDouble":1e307}"""),
        c("JSON escape torture string", "Scalars", false, """
            {"aString":"\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f<>&'= \\u2028\\u2029 \\ud83d\\ude00"}"""),
        c("escapes without HTML characters", "Scalars", true, """
            {"aString":"tab\\there \\"quoted\\" back\\\\slash \\u0001"}"""),
        c("repeated, maps with string, int64, bool and uint32 keys", "Containers", true, """
            {"skus":["1","-2","9223372036854775807"],"names":["a","","ü"],"dims":[{"widthCm":1},{}],
             "colors":["RED","COLOR_UNSPECIFIED","BLUE"],"byName":{"a":1,"":0},"byId":{"-5":"minus five","7":""},
             "byFlag":{"true":{"heightCm":2},"false":{}},"byNumber":{"4294967295":"GREEN"},"ratios":[0.5,"NaN",0.0],
             "blobs":["","AA==","/+8="]}"""),
        c("empty repeated and map fields are omitted", "Containers", true, """
            {"skus":[],"byName":{}}"""),
        c("a oneof member at its default value is still written", "Choice", true, """
            {"sku":"","label":"x"}"""),
        c("a message oneof member", "Choice", true, """
            {"dims":{"widthCm":3,"heightCm":4}}"""),
        c("Timestamp with 0, 3, 6 and 9 fraction digits", "Known", true, """
            {"at":"1972-01-01T10:00:20.021Z","history":["1970-01-01T00:00:00Z","0001-01-01T00:00:00Z",
             "9999-12-31T23:59:59.999999999Z","2024-02-29T12:00:00.000001Z"]}"""),
        c("Duration", "Known", true, """
            {"took":"-1.500s"}"""),
        c("Duration whole seconds and nanoseconds", "Known", true, """
            {"took":"315576000000.000000001s"}"""),
        c("every wrapper, at non-default values", "Known", true, """
            {"d":1.25,"f":-2.5,"i64":"-9223372036854775808","u64":"18446744073709551615","i32":-5,"u32":4294967295,
             "b":true,"s":"wrapped","bs":"AQID"}"""),
        c("every wrapper, at default values", "Known", true, """
            {"d":0.0,"f":0.0,"i64":"0","u64":"0","i32":0,"u32":0,"b":false,"s":"","bs":""}"""),
        c("Struct, Value and ListValue", "Known", true, """
            {"st":{"n":1.0,"s":"x","b":true,"z":null,"l":[1.0,"two",[],{}],"o":{"deep":{"er":[null]}}},
             "v":[{"k":false}],"lv":[1.5,null,"a",{"x":[]}],"attrs":{"a":"b","c":null,"d":{}}}"""),
        c("Value holding a number, a string, null", "Known", true, """
            {"v":"just a string"}"""),
        c("Value null", "Known", true, """
            {"v":null}"""),
        c("FieldMask", "Known", true, """
            {"mask":"widthCm,dims.heightCm,a.bC.dE"}"""),
        c("empty FieldMask and Empty", "Known", true, """
            {"mask":"","nothing":{}}"""),
        c("Any holding a message", "Known", true, """
            {"any":{"@type":"type.googleapis.com/zoo.v1.Dims","widthCm":3,"heightCm":4}}"""),
        c("Any holding a well-known type", "Known", true, """
            {"any":{"@type":"type.googleapis.com/google.protobuf.Timestamp","value":"2020-05-06T07:08:09.100Z"}}"""),
        c("Any holding an Any", "Known", true, """
            {"any":{"@type":"type.googleapis.com/google.protobuf.Any",
                    "value":{"@type":"type.googleapis.com/zoo.v1.Choice","id":"12"}}}"""),
        c("recursion", "Tree", true, """
            {"name":"root","children":[{"name":"a","children":[{"name":"a1"}]},{"name":"b"}]}"""));
  }

  private static Arguments c(String name, String type, boolean byteEqual, String json) {
    return Arguments.of(name, type, byteEqual, json.replace("\n", "").replaceAll(" {2,}", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ourWriterPrintsWhatJsonFormatPrints(String name, String type, boolean byteEqual, String input) throws Exception {
    DynamicMessage reference = parseWithJsonFormat(type, input);
    String expected = JsonFormat.printer().usingTypeRegistry(REGISTRY).omittingInsignificantWhitespace().print(reference);

    byte[] ours = TRANSCODER.transcode(Zoo.proto(type), WireFormat.PROTOBUF, WireFormat.PROTO_JSON, reference.toByteArray());
    String actual = new String(ours, StandardCharsets.UTF_8);

    assertEquals(JsonParser.parseString(expected), JsonParser.parseString(actual), "semantically equal: " + actual);
    if (byteEqual) assertEquals(expected, actual, "byte-equal");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ourReaderParsesWhatJsonFormatParses(String name, String type, boolean byteEqual, String input) throws Exception {
    DynamicMessage reference = parseWithJsonFormat(type, input);
    byte[] ours = TRANSCODER.transcode(Zoo.proto(type), WireFormat.PROTO_JSON, WireFormat.PROTOBUF, input.getBytes(StandardCharsets.UTF_8));
    assertEquals(reference, DynamicMessage.parseFrom(Zoo.descriptor("zoo.v1." + type), ours));
    // And byte-for-byte the same protobuf encoding.
    assertEquals(java.util.HexFormat.of().formatHex(reference.toByteArray()), java.util.HexFormat.of().formatHex(ours));
  }

  static Stream<Arguments> alternativeSpellings() {
    return Stream.of(
        Arguments.of("declared names instead of JSON names", "Scalars", "{\"an_int32\":5,\"a_string\":\"x\",\"maybe_count\":1}"),
        Arguments.of("64-bit integers as numbers, 32-bit as strings", "Scalars", "{\"anInt64\":-12,\"aUint64\":18446744073709551615,\"anInt32\":\"7\"}"),
        Arguments.of("integral numbers in exponent form", "Scalars", "{\"anInt32\":1e3,\"anInt64\":\"2.0\"}"),
        Arguments.of("URL-safe and unpadded base64", "Containers", "{\"blobs\":[\"_-8\",\"AA\",\"+/8=\"]}"),
        Arguments.of("enum numbers", "Containers", "{\"colors\":[1,0,3]}"),
        Arguments.of("numeric strings for doubles", "Scalars", "{\"aDouble\":\"1.5\",\"aFloat\":\"-2\"}"),
        Arguments.of("timestamps with offsets", "Known", "{\"at\":\"1972-01-01T12:00:20.021+02:00\",\"history\":[\"1970-01-01T00:00:00.5-01:30\"]}"),
        Arguments.of("nulls for absent fields", "Known", "{\"at\":null,\"d\":null,\"mask\":null,\"v\":null}"),
        Arguments.of("members in any order", "Choice", "{\"label\":\"l\",\"id\":\"5\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alternativeSpellings")
  void acceptsTheSameAlternativeSpellingsAsJsonFormat(String name, String type, String input) throws Exception {
    DynamicMessage reference = parseWithJsonFormat(type, input);
    byte[] ours = TRANSCODER.transcode(Zoo.proto(type), WireFormat.PROTO_JSON, WireFormat.PROTOBUF, input.getBytes(StandardCharsets.UTF_8));
    assertEquals(reference, DynamicMessage.parseFrom(Zoo.descriptor("zoo.v1." + type), ours));
  }

  @org.junit.jupiter.api.Test
  void negativeZeroKeepsItsSign() throws Exception {
    byte[] wire = TRANSCODER.transcode(Zoo.proto("Scalars"), WireFormat.PROTO_JSON, WireFormat.PROTOBUF,
        "{\"aDouble\":-0.0}".getBytes(StandardCharsets.UTF_8));
    assertEquals("090000000000000080", java.util.HexFormat.of().formatHex(wire));
    // protobuf-java reads those bytes as -0.0, and JsonFormat prints them as we do.
    DynamicMessage m = DynamicMessage.parseFrom(Zoo.descriptor("zoo.v1.Scalars"), wire);
    assertEquals("{\"aDouble\":-0.0}", JsonFormat.printer().omittingInsignificantWhitespace().print(m));
    assertEquals("{\"aDouble\":-0.0}", new String(
        TRANSCODER.transcode(Zoo.proto("Scalars"), WireFormat.PROTOBUF, WireFormat.PROTO_JSON, wire), StandardCharsets.UTF_8));
  }

  private static DynamicMessage parseWithJsonFormat(String type, String json) throws Exception {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(Zoo.descriptor("zoo.v1." + type));
    JsonFormat.parser().usingTypeRegistry(REGISTRY).merge(json, b);
    // Normalise through bytes, as a backend would send it.
    return DynamicMessage.parseFrom(Zoo.descriptor("zoo.v1." + type), b.build().toByteArray());
  }

  private static JsonFormat.TypeRegistry registry() {
    JsonFormat.TypeRegistry.Builder b = JsonFormat.TypeRegistry.newBuilder();
    for (Descriptors.FileDescriptor f : Zoo.DESCRIPTORS.values()) b.add(f.getMessageTypes());
    return b.build();
  }
}
