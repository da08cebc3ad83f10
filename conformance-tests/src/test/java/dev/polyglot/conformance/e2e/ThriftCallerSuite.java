package dev.polyglot.conformance.e2e;

import static dev.polyglot.conformance.testing.InteropValues.ALL_BYTES;
import static dev.polyglot.conformance.testing.InteropValues.ALL_TYPES;
import static dev.polyglot.conformance.testing.InteropValues.CONTAINERS;
import static dev.polyglot.conformance.testing.InteropValues.FULL_ITEM;
import static dev.polyglot.conformance.testing.InteropValues.INVALID_QUANTITY;
import static dev.polyglot.conformance.testing.InteropValues.ITEM_NOT_FOUND;
import static dev.polyglot.conformance.testing.InteropValues.MINIMAL_ITEM;
import static dev.polyglot.conformance.testing.InteropValues.MINIMAL_ITEM_WITH_DEFAULTS;
import static dev.polyglot.conformance.testing.InteropValues.OUT_OF_STOCK;
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
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.testing.InteropValues;
import dev.polyglot.conformance.testing.ThriftTestClient;
import dev.polyglot.conformance.testing.ThriftValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thrift callers of {@code interop.Interop}, in each transport and encoding, through one gateway to
 * one backend. Subclasses pick the backend and the route; the expected values are the interop
 * service's documented behaviour, whichever backend answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThriftCallerSuite {
  RunningBackend backend;
  E2eGateway gateway;

  abstract RunningBackend startBackend();

  /** The backends: and routes: sections of gateway.yaml, with the backend on {@code backendPort}. */
  abstract String backendsAndRoutes(int backendPort);

  /** What a Thrift caller gets when the backend fails with an undeclared error carrying {@code message}. */
  abstract String undeclaredFailureMessage(String message);

  /** What echoing {@code sent} answers; the sent value unless the backend's IDL cannot carry it unchanged. */
  ThriftValue expectedEcho(ThriftValue sent) {
    return sent;
  }

  /** What echoItem answers for an item with only its sku set. */
  ThriftValue.Struct minimalItemBack() {
    return MINIMAL_ITEM_WITH_DEFAULTS;
  }

  @BeforeAll
  void start() throws Exception {
    backend = startBackend();
    try {
      gateway = E2eGateway.start(backendsAndRoutes(backend.port()));
    } catch (Exception e) {
      backend.close();
      throw e;
    }
  }

  @AfterAll
  void stop() {
    if (gateway != null) gateway.close();
    backend.close();
  }

  static Stream<Arguments> callers() {
    List<Arguments> all = new ArrayList<>();
    for (ThriftTransport t : ThriftTransport.values()) {
      for (ThriftEncoding e : ThriftEncoding.values()) all.add(Arguments.of(t, e));
    }
    return all.stream();
  }

  /** Every case once per caller transport and encoding. */
  static Stream<Arguments> perCaller(Stream<Arguments> cases) {
    List<Arguments> caseList = cases.toList();
    return callers().flatMap(c -> caseList.stream().map(a -> {
      Object[] joined = new Object[2 + a.get().length];
      joined[0] = c.get()[0];
      joined[1] = c.get()[1];
      System.arraycopy(a.get(), 0, joined, 2, a.get().length);
      return Arguments.of(joined);
    }));
  }

  ThriftTestClient caller(ThriftTransport t, ThriftEncoding e) throws TException {
    return new ThriftTestClient(gateway.thriftPort(), t, e);
  }

  static Stream<Arguments> values() {
    return perCaller(Stream.of(
        Arguments.of("echoBool", bool(true)),
        Arguments.of("echoByte", i8(Byte.MIN_VALUE)),
        Arguments.of("echoI16", i16(Short.MAX_VALUE)),
        Arguments.of("echoI32", i32(Integer.MIN_VALUE)),
        Arguments.of("echoI64", i64(Long.MAX_VALUE)),
        Arguments.of("echoI64", i64((1L << 53) + 1)),
        Arguments.of("echoDouble", dbl(-1e-300)),
        Arguments.of("echoDouble", dbl(Double.NaN)),
        Arguments.of("echoDouble", dbl(Double.NEGATIVE_INFINITY)),
        Arguments.of("echoString", str("Ελληνικά, العربية, 日本語, emoji 🧪, \"\\\u0000")),
        Arguments.of("echoString", str("")),
        Arguments.of("echoBinary", bin(ALL_BYTES)),
        Arguments.of("echoUuid", uuid("123e4567-e89b-12d3-a456-426614174000")),
        Arguments.of("echoEnum", i32(20)),
        Arguments.of("echoAllTypes", ALL_TYPES),
        Arguments.of("echoItem", FULL_ITEM),
        Arguments.of("echoUnion", struct(2, i64(-7))),
        Arguments.of("echoUnion", struct(5, FULL_ITEM)),
        Arguments.of("echoContainers", CONTAINERS),
        Arguments.of("echoStringList", list(STRING, str("b"), str(""), str("a"), str("b"))),
        Arguments.of("echoStringSet", set(STRING, str("x"), str("y"))),
        Arguments.of("echoMap", map(I32, STRING, i32(Integer.MIN_VALUE), str("min"), i32(0), str(""))),
        Arguments.of("echoMatrix", list(LIST, list(I32, i32(1)), list(I32), list(I32, i32(2), i32(3)))),
        Arguments.of("echoGroups", map(STRING, LIST, str("a"), list(I64, i64(Long.MIN_VALUE)), str("b"), list(I64)))));
  }

  @ParameterizedTest(name = "{0} {1}: {2} {3}")
  @MethodSource("values")
  void everyTypeComesBackUnchanged(ThriftTransport t, ThriftEncoding e, String method, ThriftValue value)
      throws TException {
    try (ThriftTestClient c = caller(t, e)) {
      assertEquals(struct(0, expectedEcho(value)), c.result(method, struct(1, value)));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("callers")
  void unsetOptionalFieldsStayUnsetAndDefaultsAreFilledIn(ThriftTransport t, ThriftEncoding e) throws TException {
    try (ThriftTestClient c = caller(t, e)) {
      assertEquals(struct(0, minimalItemBack()), c.result("echoItem", struct(1, MINIMAL_ITEM)));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("callers")
  void multiplexedCallersNamingTheServiceAreAnsweredUnderTheBareMethodName(ThriftTransport t, ThriftEncoding e)
      throws TException {
    try (ThriftTestClient c = caller(t, e)) {
      assertEquals(struct(0, i32(6)), c.result("interop.Interop:echoI32", "echoI32", struct(1, i32(6))));
      assertEquals(struct(0, i32(7)), c.result("Interop:echoI32", "echoI32", struct(1, i32(7))));
      TApplicationException x = c.failure("Elsewhere:echoI32", "echoI32", struct(1, i32(8)));
      assertEquals(TApplicationException.UNKNOWN_METHOD, x.getType());
      assertEquals("unknown service Elsewhere", x.getMessage());
    }
  }

  @org.junit.jupiter.api.Test
  void nonStrictBinaryCallersAreUnderstood() throws TException {
    try (ThriftTestClient c = ThriftTestClient.nonStrictBinary(gateway.thriftPort())) {
      assertEquals(struct(0, i32(-5)), c.result("echoI32", struct(1, i32(-5))));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("callers")
  void voidAndNoArgumentMethodsAnswerWithAnEmptyResult(ThriftTransport t, ThriftEncoding e) throws TException {
    try (ThriftTestClient c = caller(t, e)) {
      assertEquals(struct(), c.result("ping", struct()));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("callers")
  void argumentsWithGapsInTheirIdsArrive(ThriftTransport t, ThriftEncoding e) throws TException {
    try (ThriftTestClient c = caller(t, e)) {
      assertEquals(struct(0, i64((1L << 40) - 5)), c.result("add", struct(1, i32(-5), 3, i64(1L << 40))));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("callers")
  void aDeclaredExceptionArrivesAtItsThrowsIdWithItsFields(ThriftTransport t, ThriftEncoding e) throws TException {
    try (ThriftTestClient c = caller(t, e)) {
      assertEquals(struct(0, InteropValues.stockItem("lamp-3")), c.result("getItem", struct(1, str("lamp-3"))));
      assertEquals(struct(1, ITEM_NOT_FOUND), c.result("getItem", struct(1, str("missing"))));
    }
  }

  static Stream<Arguments> reserveOutcomes() {
    return perCaller(Stream.of(
        Arguments.of("desk-42", 30, struct(0, i32(70))),
        Arguments.of("missing", 5, struct(1, ITEM_NOT_FOUND)),
        Arguments.of("desk-42", 150, struct(2, OUT_OF_STOCK)),
        Arguments.of("desk-42", 0, struct(5, INVALID_QUANTITY))));
  }

  @ParameterizedTest(name = "{0} {1}: reserve {2} x {3}")
  @MethodSource("reserveOutcomes")
  void eachOfSeveralDeclaredExceptionsArrivesAtItsOwnId(ThriftTransport t, ThriftEncoding e, String sku, int quantity,
      ThriftValue.Struct expected) throws TException {
    try (ThriftTestClient c = caller(t, e)) {
      assertEquals(expected, c.result("reserve", struct(1, str(sku), 3, i32(quantity))));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("callers")
  void anUndeclaredFailureIsAnInternalErrorAndTheConnectionKeepsServing(ThriftTransport t, ThriftEncoding e)
      throws TException {
    try (ThriftTestClient c = caller(t, e)) {
      TApplicationException x = c.failure("failUndeclared", struct(1, str("the disk is on fire")));
      assertEquals(TApplicationException.INTERNAL_ERROR, x.getType());
      assertEquals(undeclaredFailureMessage("the disk is on fire"), x.getMessage());
      assertEquals(struct(0, i32(5)), c.result("echoI32", struct(1, i32(5))));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("callers")
  void aOnewayCallGetsNoReplyAndReachesTheBackend(ThriftTransport t, ThriftEncoding e) throws Exception {
    String event = "event " + t + " " + e;
    try (ThriftTestClient c = caller(t, e)) {
      c.oneway("logEvent", struct(1, str(event)));
      // The next reply on this connection is the echo's: nothing was answered for the oneway call.
      assertEquals(struct(0, i32(1)), c.result("echoI32", struct(1, i32(1))));
      long deadline = System.nanoTime() + 5_000_000_000L;
      List<String> seen = backend.loggedEvents();
      while (!seen.contains(event) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        seen = backend.loggedEvents();
      }
      ThriftValue[] asWire = seen.stream().map(ThriftValue::str).toArray(ThriftValue[]::new);
      assertEquals(struct(0, list(STRING, asWire)), c.result("loggedEvents", struct()));
      assertEquals(event, seen.get(seen.size() - 1));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("callers")
  void aOneMebibytePayloadRoundTrips(ThriftTransport t, ThriftEncoding e) throws TException {
    byte[] payload = InteropValues.mebibyte();
    try (ThriftTestClient c = caller(t, e)) {
      assertEquals(struct(0, bin(payload)), c.result("echoBinary", struct(1, bin(payload))));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("callers")
  void anUnknownMethodIsUnknownMethodAndTheConnectionKeepsServing(ThriftTransport t, ThriftEncoding e)
      throws TException {
    try (ThriftTestClient c = caller(t, e)) {
      TApplicationException x = c.failure("noSuchMethod", struct(1, str("x")));
      assertEquals(TApplicationException.UNKNOWN_METHOD, x.getType());
      assertEquals("unknown method noSuchMethod of service interop.Interop", x.getMessage());
      assertEquals(struct(0, str("still here")), c.result("echoString", struct(1, str("still here"))));
    }
  }
}
