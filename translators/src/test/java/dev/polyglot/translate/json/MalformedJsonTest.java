package dev.polyglot.translate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.status.StatusCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad JSON in both dialects, each with the exact sentence a caller gets. */
class MalformedJsonTest {
  private static final Transcoder TRANSCODER = Zoo.transcoder(Limits.DEFAULT);

  @ParameterizedTest(name = "[{index}] {0} {1} {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      THRIFT | Order      | `{"sku": "a",}`                 | `malformed JSON at 1:13: Unexpected character ('}' (code 125)): was expecting double-quote to start field name`
      THRIFT | Order      | `{"sku": "a"`                   | `malformed JSON at 1:12: Unexpected end-of-input: expected close marker for Object`
      THRIFT | Order      | `   `                           | `malformed JSON at 1:4: no content (expected: an object)`
      THRIFT | Order      | `{"sku":"a"} {}`                | `malformed JSON at 1:13: trailing data after the value (expected: end of input)`
      THRIFT | Order      | `{sku:"a"}`                     | `malformed JSON at 1:2: Unexpected character ('s' (code 115)): was expecting double-quote to start field name`
      THRIFT | Order      | `{"sku":'a'}`                   | `malformed JSON at 1:8: Unexpected character (''' (code 39)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`
      THRIFT | Order      | `{"sku":"a","qty":"abc"}`       | `qty: expected an integer, got "abc"`
      THRIFT | Order      | `{"sku":"a","qty":2147483648}`  | `qty: 2147483648 is out of range (expected: an i32 between -2147483648 and 2147483647)`
      THRIFT | Scalars    | `{"an_i8":128}`                 | `an_i8: 128 is out of range (expected: an i8 between -128 and 127)`
      THRIFT | Scalars    | `{"an_i64":9223372036854775808}`| `an_i64: 9223372036854775808 is out of range (expected: an i64 between -9223372036854775808 and 9223372036854775807)`
      THRIFT | Scalars    | `{"an_i32":1e999999999}`        | `an_i32: 1e999999999 is out of range (expected: an i32 between -2147483648 and 2147483647)`
      THRIFT | Scalars    | `{"an_i64":1.0E77777777777}`    | `an_i64: 1.0E77777777777 is out of range (expected: an i64 between -9223372036854775808 and 9223372036854775807)`
      PROTO  | Scalars    | `{"anInt64":"-1e-99999999999"}` | `anInt64: -1e-99999999999 is out of range (expected: an int64 between -9223372036854775808 and 9223372036854775807)`
      THRIFT | Scalars    | `{"color":"PURPLE"}`            | `color: "PURPLE" is not a value of enum zoo.Color (expected: one of RED, GREEN, BLUE)`
      THRIFT | Scalars    | `{"color":7}`                   | `color: 7 is not a value of enum zoo.Color (expected: one of RED=1, GREEN=2, BLUE=3)`
      THRIFT | Order      | `{"sku":"a","qyt":1}`           | `unknown field "qyt" (expected: a field of zoo.Order)`
      THRIFT | Order      | `{"qty":1}`                     | `required field sku (id 1) of zoo.Order is missing (expected: a value)`
      THRIFT | Order      | `{"sku":"a","sku":"b"}`         | `sku: duplicate field (expected: each field at most once)`
      THRIFT | Containers | `{"skus":[1,"x"]}`              | `skus[1]: expected an integer, got "x"`
      THRIFT | Containers | `{"by_id":{"12x":"a"}}`         | `by_id{12x}: expected an integer, got "12x"`
      THRIFT | Containers | `{"tags":["a","b","a"]}`        | `tags[2]: duplicate set element "a" (expected: distinct elements)`
      THRIFT | Containers | `{"choice":{"sku":"a","id":1}}` | `choice: fields sku and id of union zoo.Choice are both set (expected: at most one)`
      THRIFT | Containers | `{"by_dims":{"{\\"w\\":1}":"x"}}` | `by_dims{{"w":1}}: unknown field "w" (expected: a field of zoo.Dims)`
      THRIFT | Containers | `{"by_dims":{"{":"x"}}`         | `by_dims{{}: malformed JSON in map key at 1:2: Unexpected end-of-input: expected close marker for Object`
      THRIFT | Containers | `{"grid":[[1],{}]}`             | `grid[1]: expected an array, got an object`
      THRIFT | Scalars    | `{"some_bytes":"!!"}`           | `some_bytes: expected base64, got "!!"`
      THRIFT | Scalars    | `{"a_string":"x\\ud800y"}`      | `a_string: unpaired surrogate \\ud800 at character 1 (expected: valid Unicode text)`
      THRIFT | Scalars    | `{"an_id":"nope"}`              | `an_id: expected a UUID such as "00112233-4455-6677-8899-aabbccddeeff", got "nope"`
      THRIFT | Scalars    | `{"a_double":"fast"}`           | `a_double: expected a number, got "fast"`
      THRIFT | Scalars    | `{"a_double":1e400}`            | `a_double: 1e400 is out of range (expected: a finite double)`
      PROTO  | Scalars    | `{"anInt64":"12x"}`             | `anInt64: expected an integer, got "12x"`
      PROTO  | Scalars    | `{"aUint64":"-1"}`              | `aUint64: -1 is out of range (expected: a uint64 between 0 and 18446744073709551615)`
      PROTO  | Scalars    | `{"aUint32":-1}`                | `aUint32: -1 is out of range (expected: a uint32 between 0 and 4294967295)`
      PROTO  | Scalars    | `{"anInt32":1.5}`               | `anInt32: expected an integer, got 1.5`
      PROTO  | Scalars    | `{"aFloat":1e39}`               | `aFloat: 1e39 is out of range (expected: a finite float)`
      PROTO  | Scalars    | `{"aBool":"true"}`              | `aBool: expected a boolean, got "true"`
      PROTO  | Scalars    | `[1,2]`                         | `expected an object, got an array`
      PROTO  | Choice     | `{"sku":"a","id":"1"}`          | `fields sku and id of oneof kind are both set (expected: at most one)`
      PROTO  | Choice     | `{"sku":"a","sku":"b"}`         | `sku: duplicate field (expected: each field at most once)`
      PROTO  | Known      | `{"at":"yesterday"}`            | `at: expected an RFC 3339 timestamp such as "1972-01-01T10:00:20.021Z", got "yesterday"`
      PROTO  | Known      | `{"at":"10000-01-01T00:00:00Z"}`| `at: expected an RFC 3339 timestamp such as "1972-01-01T10:00:20.021Z", got "10000-01-01T00:00:00Z"`
      PROTO  | Known      | `{"took":"1.5"}`                | `took: expected a duration such as "1.5s", got "1.5"`
      PROTO  | Known      | `{"took":"315576000001s"}`      | `took: duration "315576000001s" is out of range (expected: -315576000000s to 315576000000s)`
      PROTO  | Known      | `{"any":{"@type":"type.googleapis.com/zoo.v1.Nope"}}` | `any.@type: cannot read an Any holding "zoo.v1.Nope" (expected: a message type loaded from the IDL files)`
      PROTO  | Known      | `{"any":{"widthCm":1}}`         | `any: an Any has members but no "@type" (expected: "@type": "type.googleapis.com/<message name>")`
      PROTO  | Known      | `{"any":{"@type":"type.googleapis.com/zoo.v1.Dims","depth":1}}` | `any: unknown field "depth" (expected: a field of zoo.v1.Dims)`
      PROTO  | Known      | `{"mask":"a_b"}`                | `mask: field mask path "a_b" is not lowerCamelCase (expected: e.g. "fooBar.baz")`
      PROTO  | Known      | `{"i32":"x"}`                   | `i32: expected an integer, got "x"`
      PROTO  | Containers | `{"byFlag":{"yes":{}}}`         | `byFlag{yes}: expected a boolean key "true" or "false", got "yes"`
      PROTO  | Containers | `{"names":[null]}`              | `names[0]: expected a string, got null`
      PROTO  | Containers | `{"byName":{"a":1,"a":2}}`      | `byName{"a"}: duplicate map key (expected: distinct keys)`
      PROTO  | Containers | `{"byName":{"a":null}}`         | `byName{"a"}: expected an integer, got null`
      PROTO  | Containers | `{"colors":["RED","MAUVE"]}`    | `colors[1]: "MAUVE" is not a value of enum zoo.v1.Color (expected: one of COLOR_UNSPECIFIED, RED, GREEN, BLUE)`
      """)
  void rejectsWithAnExactSentence(String dialect, String type, String input, String expected) {
    TranscodeException e = assertThrows(TranscodeException.class, () -> read(dialect, type, input.getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, e.getMessage());
    assertEquals(StatusCode.INVALID_ARGUMENT, e.code());
  }

  @Test
  void invalidUtf8InTheInputIsMalformedJson() {
    byte[] input = {'{', '"', 's', 'k', 'u', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
    TranscodeException e = assertThrows(TranscodeException.class, () -> read("THRIFT", "Order", input));
    assertEquals("malformed JSON at 1:11: Invalid UTF-8 middle byte 0x28", e.getMessage());
  }

  @Test
  void unknownFieldsCanBeSkippedOnRequest() {
    Transcoder lenient = Zoo.transcoder(Limits.DEFAULT, JsonOptions.DEFAULT.withIgnoreUnknownFields(true));
    byte[] out = lenient.transcode(Zoo.thrift("Order"), WireFormat.THRIFT_JSON, WireFormat.THRIFT_JSON,
        "{\"sku\":\"a\",\"extra\":{\"deep\":[1,{\"x\":null}]},\"qty\":2}".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"sku\":\"a\",\"qty\":2}", new String(out, StandardCharsets.UTF_8));
  }

  private static void read(String dialect, String type, byte[] input) {
    boolean thrift = dialect.equals("THRIFT");
    StructPlan plan = thrift ? Zoo.thrift(type) : Zoo.proto(type);
    WireFormat json = thrift ? WireFormat.THRIFT_JSON : WireFormat.PROTO_JSON;
    TRANSCODER.transcode(plan, json, thrift ? WireFormat.THRIFT_BINARY : WireFormat.PROTOBUF, input);
  }
}
