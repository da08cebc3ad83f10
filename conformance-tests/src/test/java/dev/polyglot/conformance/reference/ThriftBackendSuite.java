package dev.polyglot.conformance.reference;

import static dev.polyglot.conformance.testing.InteropValues.ALL_BYTES;
import static dev.polyglot.conformance.testing.InteropValues.ALL_TYPES;
import static dev.polyglot.conformance.testing.InteropValues.CONTAINERS;
import static dev.polyglot.conformance.testing.InteropValues.EMPTY_CONTAINERS;
import static dev.polyglot.conformance.testing.InteropValues.FULL_ITEM;
import static dev.polyglot.conformance.testing.InteropValues.INVALID_QUANTITY;
import static dev.polyglot.conformance.testing.InteropValues.ITEM_NOT_FOUND;
import static dev.polyglot.conformance.testing.InteropValues.MINIMAL_ITEM;
import static dev.polyglot.conformance.testing.InteropValues.MINIMAL_ITEM_WITH_DEFAULTS;
import static dev.polyglot.conformance.testing.InteropValues.OUT_OF_STOCK;
import static dev.polyglot.conformance.testing.InteropValues.mebibyte;
import static dev.polyglot.conformance.testing.InteropValues.stockItem;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.conformance.testing.InteropValues;
import dev.polyglot.conformance.testing.ThriftTestClient;
import dev.polyglot.conformance.testing.ThriftValue;
import java.util.List;
import java.util.stream.Stream;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Thrift reference backend, called over a real socket by a hand-written libthrift client. Values are
 * compared as they travel (by wire type and field id). Subclassed once per transport and encoding.
 */
abstract class ThriftBackendSuite {
  /**
   * {@link InteropValues#ALL_TYPES} with a negative zero for its double: the backend's own codec must
   * keep the sign of zero, which the bit-wise comparison of {@link ThriftValue.Dbl} sees.
   */
  static final ThriftValue.Struct ALL_TYPES_WITH_NEGATIVE_ZERO = ALL_TYPES.with(8, dbl(-0.0));

  private final ThriftTransport transport;
  private final ThriftEncoding encoding;
  RunningBackend backend;
  ThriftTestClient client;

  ThriftBackendSuite(ThriftTransport transport, ThriftEncoding encoding) {
    this.transport = transport;
    this.encoding = encoding;
  }

  @BeforeEach
  void start() throws TException {
    backend = ReferenceBackends.startThrift(0, transport, encoding);
    client = new ThriftTestClient(backend.port(), transport, encoding);
  }

  @AfterEach
  void stop() {
    client.close();
    backend.close();
  }

  static Stream<Arguments> baseTypeValues() {
    return Stream.of(
        Arguments.of("true", "echoBool", bool(true)),
        Arguments.of("false", "echoBool", bool(false)),
        Arguments.of("i8 minimum", "echoByte", i8(Byte.MIN_VALUE)),
        Arguments.of("i8 maximum", "echoByte", i8(Byte.MAX_VALUE)),
        Arguments.of("i16 minimum", "echoI16", i16(Short.MIN_VALUE)),
        Arguments.of("i16 maximum", "echoI16", i16(Short.MAX_VALUE)),
        Arguments.of("i32 minimum", "echoI32", i32(Integer.MIN_VALUE)),
        Arguments.of("i32 maximum", "echoI32", i32(Integer.MAX_VALUE)),
        Arguments.of("i64 minimum", "echoI64", i64(Long.MIN_VALUE)),
        Arguments.of("i64 maximum", "echoI64", i64(Long.MAX_VALUE)),
        Arguments.of("i64 2^32", "echoI64", i64(1L << 32)),
        Arguments.of("i64 2^53 + 1", "echoI64", i64((1L << 53) + 1)),
        Arguments.of("double +0", "echoDouble", dbl(0.0)),
        Arguments.of("double -0", "echoDouble", dbl(-0.0)),
        Arguments.of("double 1e307", "echoDouble", dbl(1e307)),
        Arguments.of("double -1e307", "echoDouble", dbl(-1e307)),
        Arguments.of("double 1e-292", "echoDouble", dbl(1e-292)),
        Arguments.of("double NaN", "echoDouble", dbl(Double.NaN)),
        Arguments.of("double +Infinity", "echoDouble", dbl(Double.POSITIVE_INFINITY)),
        Arguments.of("double -Infinity", "echoDouble", dbl(Double.NEGATIVE_INFINITY)),
        Arguments.of("empty string", "echoString", str("")),
        Arguments.of("multilingual string", "echoString", str("Ελληνικά, العربية, 日本語, עברית, emoji 🧪")),
        Arguments.of("JSON-escape torture string", "echoString", str("\"\\/\b\f\n\r\t\u0000\u001f\u2028</script>")),
        Arguments.of("all 256 byte values", "echoBinary", bin(ALL_BYTES)),
        Arguments.of("empty binary", "echoBinary", bin(new byte[0])),
        Arguments.of("uuid", "echoUuid", uuid("123e4567-e89b-12d3-a456-426614174000")),
        Arguments.of("enum BRONZE (1)", "echoEnum", i32(1)),
        Arguments.of("enum PLATINUM (20)", "echoEnum", i32(20)),
        Arguments.of("enum number the IDL does not list", "echoEnum", i32(99)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baseTypeValues")
  void everyBaseTypeValueComesBackUnchanged(String description, String method, ThriftValue value) throws TException {
    assertEquals(struct(0, value), client.result(method, struct(1, value)));
  }

  @Test
  void pingAnswersWithAnEmptyResult() throws TException {
    assertEquals(struct(), client.result("ping", struct()));
  }

  static Stream<Arguments> structValues() {
    return Stream.of(
        Arguments.of("all base types", "echoAllTypes", ALL_TYPES_WITH_NEGATIVE_ZERO, ALL_TYPES_WITH_NEGATIVE_ZERO),
        Arguments.of("empty AllTypes gets zero primitives, other fields stay unset", "echoAllTypes", struct(),
            struct(1, bool(false), 2, i8(0), 3, i16(0), 4, i32(0), 6, i64(0), 8, dbl(0.0), 16, i64(0))),
        Arguments.of("item with every field set", "echoItem", FULL_ITEM, FULL_ITEM),
        Arguments.of("item with only its required field gets its defaults", "echoItem",
            MINIMAL_ITEM, MINIMAL_ITEM_WITH_DEFAULTS),
        Arguments.of("union holding a string", "echoUnion", struct(1, str("text")), struct(1, str("text"))),
        Arguments.of("union holding an i64", "echoUnion", struct(2, i64(-7)), struct(2, i64(-7))),
        Arguments.of("union holding binary", "echoUnion", struct(3, bin(ALL_BYTES)), struct(3, bin(ALL_BYTES))),
        Arguments.of("union holding a struct", "echoUnion", struct(5, FULL_ITEM), struct(5, FULL_ITEM)),
        Arguments.of("every container shape", "echoContainers", CONTAINERS, CONTAINERS),
        Arguments.of("empty containers", "echoContainers", EMPTY_CONTAINERS, EMPTY_CONTAINERS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("structValues")
  void structsComeBackWithTheirFields(String description, String method, ThriftValue.Struct sent,
      ThriftValue.Struct expected) throws TException {
    assertEquals(struct(0, expected), client.result(method, struct(1, sent)));
  }

  static Stream<Arguments> containerResults() {
    return Stream.of(
        Arguments.of("echoStringList", list(STRING, str("b"), str(""), str("a"), str("b"))),
        Arguments.of("echoStringList", list(STRING)),
        Arguments.of("echoStringSet", set(STRING, str("x"), str("y"))),
        Arguments.of("echoMap", map(I32, STRING, i32(Integer.MIN_VALUE), str("min"), i32(0), str(""))),
        Arguments.of("echoMatrix", list(LIST, list(I32, i32(1)), list(I32), list(I32, i32(2), i32(3)))),
        Arguments.of("echoGroups", map(STRING, LIST, str("a"), list(I64, i64(Long.MIN_VALUE)), str("b"), list(I64))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("containerResults")
  void containerResultsComeBackInOrder(String method, ThriftValue value) throws TException {
    assertEquals(struct(0, value), client.result(method, struct(1, value)));
  }

  @Test
  void addSumsArgumentsWithNonConsecutiveIds() throws TException {
    assertEquals(struct(0, i64((1L << 40) - 5)), client.result("add", struct(1, i32(-5), 3, i64(1L << 40))));
  }

  @Test
  void addOverflowIsAnUndeclaredFailureWithItsMessage() throws TException {
    TApplicationException e = client.failure("add", struct(1, i32(1), 3, i64(Long.MAX_VALUE)));
    assertEquals(TApplicationException.INTERNAL_ERROR, e.getType());
    assertEquals("add: 1 + 9223372036854775807 overflows i64", e.getMessage());
  }

  @Test
  void getItemReturnsTheStockItem() throws TException {
    assertEquals(
        struct(0, stockItem("lamp-3")),
        client.result("getItem", struct(1, str("lamp-3"))));
  }

  @Test
  void getItemOfTheMissingSkuRaisesItemNotFoundWithItsFields() throws TException {
    assertEquals(
        struct(1, ITEM_NOT_FOUND),
        client.result("getItem", struct(1, str("missing"))));
  }

  static Stream<Arguments> reserveOutcomes() {
    return Stream.of(
        Arguments.of("success: the stock left", "desk-42", 30, struct(0, i32(70))),
        Arguments.of("ItemNotFound at id 1", "missing", 5, struct(1, ITEM_NOT_FOUND)),
        Arguments.of("OutOfStock at id 2", "desk-42", 150, struct(2, OUT_OF_STOCK)),
        Arguments.of("InvalidRequest at id 5", "desk-42", 0, struct(5, INVALID_QUANTITY)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reserveOutcomes")
  void reserveAnswersWithTheResultOrOneOfItsDeclaredExceptions(String description, String sku, int quantity,
      ThriftValue.Struct expected) throws TException {
    assertEquals(expected, client.result("reserve", struct(1, str(sku), 3, i32(quantity))));
  }

  @Test
  void failUndeclaredAnswersInternalErrorWithTheMessage() throws TException {
    TApplicationException e = client.failure("failUndeclared", struct(1, str("the disk is on fire")));
    assertEquals(TApplicationException.INTERNAL_ERROR, e.getType());
    assertEquals("the disk is on fire", e.getMessage());
  }

  @Test
  void onewayReturnsAtOnceAndTheNextCallSeesItsEffect() throws TException {
    assertEquals(struct(0, list(STRING)), client.result("loggedEvents", struct()));
    client.oneway("logEvent", struct(1, str("first")));
    client.oneway("logEvent", struct(1, str("second")));
    // The next call on the same connection gets its own reply, not a stray one for the oneway calls.
    assertEquals(struct(0, list(STRING, str("first"), str("second"))), client.result("loggedEvents", struct()));
    assertEquals(struct(0, i32(9)), client.result("echoI32", struct(1, i32(9))));
    assertEquals(List.of("first", "second"), backend.loggedEvents());
  }

  @Test
  void delaySleepsThenAnswers() throws TException {
    long start = System.nanoTime();
    assertEquals(struct(), client.result("delay", struct(1, i32(50))));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsedMillis >= 50, "delay answered after " + elapsedMillis + " ms (expected: at least 50)");
  }

  @Test
  void aOneMebibytePayloadRoundTrips() throws TException {
    byte[] payload = mebibyte();
    assertEquals(struct(0, bin(payload)), client.result("echoBinary", struct(1, bin(payload))));
  }

  @Test
  void anUnknownMethodGetsUnknownMethodAndTheConnectionKeepsServing() throws TException {
    TApplicationException e = client.failure("noSuchMethod", struct(1, str("ignored")));
    assertEquals(TApplicationException.UNKNOWN_METHOD, e.getType());
    assertEquals("Invalid method name: 'noSuchMethod'", e.getMessage());
    assertEquals(struct(), client.result("ping", struct()));
  }

  @Test
  void multiplexedCallersNamingThisServiceAreAnsweredUnderTheBareMethodName() throws TException {
    assertEquals(new ThriftTestClient.Reply(struct(0, i32(5)), null),
        client.call("Interop:echoI32", "echoI32", struct(1, i32(5))));
    assertEquals(new ThriftTestClient.Reply(struct(0, i32(6)), null),
        client.call("interop.Interop:echoI32", "echoI32", struct(1, i32(6))));
    TApplicationException e = client.failure("Other:echoI32", struct(1, i32(7)));
    assertEquals(TApplicationException.UNKNOWN_METHOD, e.getType());
    assertEquals("Invalid method name: 'Other:echoI32'", e.getMessage());
  }

  @Test
  void aMissingRequiredFieldIsAProtocolError() throws TException {
    TApplicationException e = client.failure("echoItem", struct(1, struct(2, str("no sku"))));
    assertEquals(TApplicationException.PROTOCOL_ERROR, e.getType());
    assertEquals("Required field 'sku' was not present! Struct: Item", e.getMessage());
  }

  @Test
  void aUnionWithNoFieldSetIsAProtocolError() throws TException {
    TApplicationException e = client.failure("echoUnion", struct(1, struct()));
    assertEquals(TApplicationException.PROTOCOL_ERROR, e.getType());
    assertEquals("union Payload needs exactly one field set, got 0", e.getMessage());
  }

  @Test
  void unknownArgumentsAndArgumentsOfTheWrongTypeAreSkipped() throws TException {
    // As generated code does: field 9 is unknown, and field 1 arrives as a string where an i32 is expected.
    assertEquals(struct(0, i32(0)), client.result("echoI32", struct(1, str("not a number"), 9, i64(1))));
  }
}
