package dev.polyglot.conformance.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.testing.InteropValues;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP/JSON callers (java.net.http) of one service through one gateway to one backend. The JSON
 * dialect is the caller's view — the IDL of the service in the URL — so the case tables live in
 * {@link ThriftView} and {@link ProtoView}; subclasses of those pick the backend and the route.
 * Bodies compare as JSON trees (key order aside, numbers and strings exactly).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpCallerSuite {
  static final ObjectMapper JSON = new ObjectMapper();

  RunningBackend backend;
  E2eGateway gateway;

  abstract RunningBackend startBackend();

  abstract String backendsAndRoutes(int backendPort);

  /** The qualified service in the URL. */
  abstract String service();

  /** Method, request body, expected 200 body. */
  abstract Stream<Arguments> echoes();

  /** Method, request body, expected status, expected error body. */
  abstract Stream<Arguments> errors();

  /** Method (GET/POST), path and query, body or null, expected status, expected body. */
  abstract Stream<Arguments> resourceRoutes();

  /** Method names as the caller's IDL spells them. */
  abstract String method(String thriftName);

  /** The request body of the echoBinary method for {@code base64}, and what it answers. */
  abstract String binaryBody(String base64);

  abstract String loggedEventsBody(List<String> events);

  /** What logEvent answers: 202 where the caller's IDL declares it oneway (nothing waited for), else 200. */
  abstract int logEventStatus();

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

  Http.Response post(String method, String body) throws Exception {
    return Http.post(gateway.httpPort(), "/" + service() + "/" + method, body);
  }

  static void assertJson(int status, String body, Http.Response actual) throws Exception {
    assertEquals(status, actual.status(), actual.body());
    assertEquals(JSON.readTree(body), JSON.readTree(actual.body()), actual.body());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("echoes")
  void everyTypeComesBackAsTheCallersJson(String method, String request, String expected) throws Exception {
    assertJson(200, expected, post(method, request));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("errors")
  void failuresAreTheirHttpStatusWithTheErrorBody(String method, String request, int status, String expected)
      throws Exception {
    assertJson(status, expected, post(method, request));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("resourceRoutes")
  void resourceRoutesFillArgumentsFromPathQueryAndBody(String verb, String pathAndQuery, String body, int status,
      String expected) throws Exception {
    Http.Response r = verb.equals("GET") ? Http.get(gateway.httpPort(), pathAndQuery)
        : Http.post(gateway.httpPort(), pathAndQuery, body);
    assertJson(status, expected, r);
  }

  @Test
  void aOneMebibytePayloadRoundTrips() throws Exception {
    String base64 = Base64.getEncoder().encodeToString(InteropValues.mebibyte());
    Http.Response r = post(method("echoBinary"), binaryBody(base64));
    assertEquals(200, r.status());
    JsonNode expected = JSON.readTree(binaryBody(base64));
    JsonNode actual = JSON.readTree(r.body());
    // The Thrift view answers the bare value, the proto view the response message.
    assertEquals(expected.isObject() && actual.isTextual() ? expected.get("value") : expected, actual);
  }

  @Test
  void aOnewayMethodAnswersEmptyAndItsEventReachesTheBackend() throws Exception {
    String event = "http event " + System.nanoTime();
    assertJson(logEventStatus(), "{}", post(method("logEvent"), "{\"event\": \"" + event + "\"}"));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!backend.loggedEvents().contains(event) && System.nanoTime() < deadline) Thread.sleep(20);
    List<String> events = backend.loggedEvents();
    assertEquals(event, events.get(events.size() - 1));
    assertJson(200, loggedEventsBody(events), post(method("loggedEvents"), "{}"));
  }

  /** The Thrift view: IDL field names, exact i64 numbers, enums by name, bare results. */
  abstract static class ThriftView extends HttpCallerSuite {
    static final String FULL_ITEM = """
        {"sku": "desk-42", "description": "a desk", "quantity": 3, "dims": {"width_cm": 120, "height_cm": 75},
         "packaging": {"width_cm": 130, "height_cm": 80, "depth_cm": 15}, "tags": ["wood", "oak"], "tier": "GOLD",
         "origin": "factory"}""";
    static final String STOCK_ITEM = """
        {"sku": "lamp-3", "quantity": 7, "dims": {"width_cm": 10, "height_cm": 20}, "tags": ["stock"], "origin": "warehouse"}""";
    static final String ITEM_NOT_FOUND = """
        {"code": "not_found", "message": "no item with sku missing",
         "details": [{"type": "interop.ItemNotFound", "debug": {"message": "no item with sku missing", "sku": "missing"}}]}""";

    @Override
    String service() {
      return "interop.Interop";
    }

    @Override
    String method(String thriftName) {
      return thriftName;
    }

    @Override
    String binaryBody(String base64) {
      return "{\"value\": \"" + base64 + "\"}";
    }

    @Override
    String loggedEventsBody(List<String> events) {
      return JSON.valueToTree(events).toString();
    }

    @Override
    int logEventStatus() {
      return 202;
    }

    /** What echoItem answers for {"sku": "pen-1"}: the backend decides which unset fields get defaults. */
    abstract String minimalItemEcho();

    /** The error body of failUndeclared("the disk is on fire"). */
    abstract String undeclaredFailure();

    @Override
    Stream<Arguments> echoes() {
      String containers = """
          {"ints": [1, -2, 3], "names": ["alpha", "βeta"], "counts": {"big": 4294967296, "negative": -1},
           "matrix": [[1, 2], [], [3]], "groups": {"evens": [2, 4], "none": []}, "labels": {"-1": "minus one", "20": "twenty"},
           "items": [%s], "tiers": ["BRONZE", "PLATINUM"], "sizes": {"small": {"width_cm": 1, "height_cm": 2}},
           "blobs": ["AP8=", ""]}""".formatted(FULL_ITEM);
      String allTypes = """
          {"bool_field": true, "byte_field": -128, "i16_field": 32767, "i32_field": -2147483648,
           "i64_field": 9223372036854775807, "double_field": -0.5, "string_field": "Grüße, 世界 🌍",
           "binary_field": "AAECAwQFBgcICQ==", "uuid_field": "0b6c4d8e-1f2a-4c3b-9d8e-7f6a5b4c3d2e",
           "tier": "PLATINUM", "user_id": 9007199254740993}""";
      return Stream.of(
          Arguments.of("echoBool", "{\"value\": true}", "true"),
          Arguments.of("echoByte", "{\"value\": -128}", "-128"),
          Arguments.of("echoI16", "{\"value\": 32767}", "32767"),
          Arguments.of("echoI32", "{\"value\": -2147483648}", "-2147483648"),
          Arguments.of("echoI64", "{\"value\": 9223372036854775807}", "9223372036854775807"),
          Arguments.of("echoI64", "{\"value\": \"9007199254740993\"}", "9007199254740993"),
          Arguments.of("echoDouble", "{\"value\": -1.5e-300}", "-1.5e-300"),
          Arguments.of("echoDouble", "{\"value\": \"NaN\"}", "\"NaN\""),
          Arguments.of("echoDouble", "{\"value\": \"-Infinity\"}", "\"-Infinity\""),
          Arguments.of("echoString", "{\"value\": \"Ελληνικά, 日本語 🧪 \\\"\\\\ \\u0000\"}", "\"Ελληνικά, 日本語 🧪 \\\"\\\\ \\u0000\""),
          Arguments.of("echoBinary", "{\"value\": \"AP8=\"}", "\"AP8=\""),
          Arguments.of("echoUuid", "{\"value\": \"123e4567-e89b-12d3-a456-426614174000\"}", "\"123e4567-e89b-12d3-a456-426614174000\""),
          Arguments.of("echoEnum", "{\"value\": \"PLATINUM\"}", "\"PLATINUM\""),
          Arguments.of("echoEnum", "{\"value\": 8}", "\"GOLD\""),
          Arguments.of("echoAllTypes", "{\"value\": " + allTypes + "}", allTypes),
          Arguments.of("echoItem", "{\"item\": " + FULL_ITEM + "}", FULL_ITEM),
          Arguments.of("echoItem", "{\"item\": {\"sku\": \"pen-1\"}}", minimalItemEcho()),
          Arguments.of("echoUnion", "{\"payload\": {\"number\": -7}}", "{\"number\": -7}"),
          Arguments.of("echoUnion", "{\"payload\": {\"item\": " + FULL_ITEM + "}}", "{\"item\": " + FULL_ITEM + "}"),
          Arguments.of("echoContainers", "{\"value\": " + containers + "}", containers),
          Arguments.of("echoStringList", "{\"values\": [\"b\", \"\", \"a\", \"b\"]}", "[\"b\", \"\", \"a\", \"b\"]"),
          Arguments.of("echoStringSet", "{\"values\": [\"x\", \"y\"]}", "[\"x\", \"y\"]"),
          Arguments.of("echoMap", "{\"value\": {\"-2147483648\": \"min\", \"0\": \"\"}}", "{\"-2147483648\": \"min\", \"0\": \"\"}"),
          Arguments.of("echoMatrix", "{\"matrix\": [[1], [], [2, 3]]}", "[[1], [], [2, 3]]"),
          Arguments.of("echoGroups", "{\"groups\": {\"a\": [-9223372036854775808], \"b\": []}}",
              "{\"a\": [-9223372036854775808], \"b\": []}"),
          Arguments.of("add", "{\"left\": 2, \"right\": 9007199254740993}", "9007199254740995"),
          Arguments.of("ping", "{}", "{}"),
          Arguments.of("getItem", "{\"sku\": \"lamp-3\"}", STOCK_ITEM),
          Arguments.of("reserve", "{\"sku\": \"desk-42\", \"quantity\": 30}", "70"));
    }

    @Override
    Stream<Arguments> errors() {
      return Stream.of(
          Arguments.of("getItem", "{\"sku\": \"missing\"}", 404, ITEM_NOT_FOUND),
          Arguments.of("reserve", "{\"sku\": \"missing\", \"quantity\": 5}", 404, ITEM_NOT_FOUND),
          Arguments.of("reserve", "{\"sku\": \"desk-42\", \"quantity\": 150}", 400, """
              {"code": "failed_precondition", "message": "sku desk-42: 150 requested, 100 available",
               "details": [{"type": "interop.OutOfStock", "debug": {"message": "sku desk-42: 150 requested, 100 available",
                 "sku": "desk-42", "available": 100, "requested": 150}}]}"""),
          Arguments.of("reserve", "{\"sku\": \"desk-42\", \"quantity\": 0}", 500, """
              {"code": "unknown", "message": "quantity: 0 (expected: at least 1)",
               "details": [{"type": "interop.InvalidRequest", "debug": {"message": "quantity: 0 (expected: at least 1)",
                 "field": "quantity"}}]}"""),
          Arguments.of("failUndeclared", "{\"message\": \"the disk is on fire\"}", 500, undeclaredFailure()));
    }

    @Override
    Stream<Arguments> resourceRoutes() {
      return Stream.of(
          Arguments.of("GET", "/v1/echo/h%C3%A9llo%20w%C3%B6rld", null, 200, "\"héllo wörld\""),
          Arguments.of("GET", "/v1/add?left=2&right=9007199254740993", null, 200, "9007199254740995"),
          Arguments.of("GET", "/v1/items/lamp-3", null, 200, STOCK_ITEM),
          Arguments.of("GET", "/v1/items/missing", null, 404, ITEM_NOT_FOUND),
          Arguments.of("POST", "/v1/items", FULL_ITEM, 200, FULL_ITEM));
    }
  }

  /** The proto view: the proto3 JSON mapping of the request and response messages. */
  abstract static class ProtoView extends HttpCallerSuite {
    static final String FULL_ITEM = """
        {"sku": "desk-42", "description": "a desk", "quantity": 3, "dims": {"widthCm": 120, "heightCm": 75},
         "packaging": {"widthCm": 130, "heightCm": 80, "depthCm": 15}, "tags": ["wood", "oak"], "tier": "MEMBER_TIER_GOLD",
         "origin": "factory"}""";
    static final String STOCK_ITEM = """
        {"sku": "lamp-3", "quantity": 7, "dims": {"widthCm": 10, "heightCm": 20}, "tags": ["stock"], "origin": "warehouse"}""";
    static final String ITEM_NOT_FOUND = """
        {"code": "not_found", "message": "no item with sku missing",
         "details": [{"type": "polyglot.interop.v1.ItemNotFound", "debug": {"message": "no item with sku missing", "sku": "missing"}}]}""";

    @Override
    String service() {
      return "polyglot.interop.v1.InteropService";
    }

    @Override
    String method(String thriftName) {
      return Character.toUpperCase(thriftName.charAt(0)) + thriftName.substring(1);
    }

    @Override
    String binaryBody(String base64) {
      return "{\"value\": \"" + base64 + "\"}";
    }

    @Override
    String loggedEventsBody(List<String> events) {
      return "{\"events\": " + JSON.valueToTree(events) + "}";
    }

    @Override
    int logEventStatus() {
      return 200;
    }

    abstract String minimalItemEcho();

    abstract String undeclaredFailure();

    @Override
    Stream<Arguments> echoes() {
      String containers = """
          {"ints": [1, -2, 3], "names": ["alpha", "βeta"], "counts": {"big": "4294967296", "negative": "-1"},
           "matrix": [{"values": [1, 2]}, {}, {"values": [3]}], "groups": {"evens": {"values": ["2", "4"]}, "none": {}},
           "labels": {"-1": "minus one", "20": "twenty"}, "items": [%s],
           "tiers": ["MEMBER_TIER_BRONZE", "MEMBER_TIER_PLATINUM"], "sizes": {"small": {"widthCm": 1, "heightCm": 2}},
           "blobs": ["AP8=", ""]}""".formatted(FULL_ITEM);
      String allTypes = """
          {"boolField": true, "byteField": -128, "i16Field": 32767, "i32Field": -2147483648,
           "i64Field": "9223372036854775807", "doubleField": -0.5, "stringField": "Grüße, 世界 🌍",
           "binaryField": "AAECAwQFBgcICQ==", "uuidField": "0b6c4d8e-1f2a-4c3b-9d8e-7f6a5b4c3d2e",
           "tier": "MEMBER_TIER_PLATINUM", "userId": "9007199254740993"}""";
      return Stream.of(
          Arguments.of("EchoBool", "{\"value\": true}", "{\"value\": true}"),
          Arguments.of("EchoByte", "{\"value\": -128}", "{\"value\": -128}"),
          Arguments.of("EchoI16", "{\"value\": 32767}", "{\"value\": 32767}"),
          Arguments.of("EchoI32", "{\"value\": -2147483648}", "{\"value\": -2147483648}"),
          Arguments.of("EchoI64", "{\"value\": \"9223372036854775807\"}", "{\"value\": \"9223372036854775807\"}"),
          Arguments.of("EchoI64", "{\"value\": 9007199254740993}", "{\"value\": \"9007199254740993\"}"),
          Arguments.of("EchoDouble", "{\"value\": -1.5e-300}", "{\"value\": -1.5e-300}"),
          Arguments.of("EchoDouble", "{\"value\": \"NaN\"}", "{\"value\": \"NaN\"}"),
          Arguments.of("EchoString", "{\"value\": \"Ελληνικά, 日本語 🧪 \\\"\\\\ \\u0000\"}",
              "{\"value\": \"Ελληνικά, 日本語 🧪 \\\"\\\\ \\u0000\"}"),
          Arguments.of("EchoBinary", "{\"value\": \"AP8=\"}", "{\"value\": \"AP8=\"}"),
          Arguments.of("EchoUuid", "{\"value\": \"123e4567-e89b-12d3-a456-426614174000\"}",
              "{\"value\": \"123e4567-e89b-12d3-a456-426614174000\"}"),
          Arguments.of("EchoEnum", "{\"value\": \"MEMBER_TIER_PLATINUM\"}", "{\"value\": \"MEMBER_TIER_PLATINUM\"}"),
          Arguments.of("EchoAllTypes", "{\"value\": " + allTypes + "}", allTypes),
          Arguments.of("EchoItem", "{\"item\": " + FULL_ITEM + "}", FULL_ITEM),
          Arguments.of("EchoItem", "{\"item\": {\"sku\": \"pen-1\"}}", minimalItemEcho()),
          Arguments.of("EchoUnion", "{\"payload\": {\"number\": \"-7\"}}", "{\"number\": \"-7\"}"),
          Arguments.of("EchoContainers", "{\"value\": " + containers + "}", containers),
          Arguments.of("EchoStringList", "{\"values\": [\"b\", \"\", \"a\", \"b\"]}", "{\"values\": [\"b\", \"\", \"a\", \"b\"]}"),
          Arguments.of("EchoMap", "{\"value\": {\"-2147483648\": \"min\", \"0\": \"\"}}",
              "{\"value\": {\"-2147483648\": \"min\", \"0\": \"\"}}"),
          Arguments.of("EchoMatrix", "{\"matrix\": [{\"values\": [1]}, {}]}", "{\"matrix\": [{\"values\": [1]}, {}]}"),
          Arguments.of("EchoGroups", "{\"groups\": {\"a\": {\"values\": [\"-9223372036854775808\"]}}}",
              "{\"groups\": {\"a\": {\"values\": [\"-9223372036854775808\"]}}}"),
          Arguments.of("Add", "{\"left\": 2, \"right\": \"9007199254740993\"}", "{\"value\": \"9007199254740995\"}"),
          Arguments.of("Ping", "{}", "{}"),
          Arguments.of("GetItem", "{\"sku\": \"lamp-3\"}", STOCK_ITEM),
          Arguments.of("Reserve", "{\"sku\": \"desk-42\", \"quantity\": 30}", "{\"value\": 70}"));
    }

    @Override
    Stream<Arguments> errors() {
      return Stream.of(
          Arguments.of("GetItem", "{\"sku\": \"missing\"}", 404, ITEM_NOT_FOUND),
          Arguments.of("Reserve", "{\"sku\": \"desk-42\", \"quantity\": 150}", 400, """
              {"code": "failed_precondition", "message": "sku desk-42: 150 requested, 100 available",
               "details": [{"type": "polyglot.interop.v1.OutOfStock", "debug": {"message": "sku desk-42: 150 requested, 100 available",
                 "sku": "desk-42", "available": 100, "requested": 150}}]}"""),
          Arguments.of("Reserve", "{\"sku\": \"desk-42\", \"quantity\": 0}", 500, """
              {"code": "unknown", "message": "quantity: 0 (expected: at least 1)",
               "details": [{"type": "polyglot.interop.v1.InvalidRequest", "debug": {"message": "quantity: 0 (expected: at least 1)",
                 "field": "quantity"}}]}"""),
          Arguments.of("FailUndeclared", "{\"message\": \"the disk is on fire\"}", 500, undeclaredFailure()));
    }

    @Override
    Stream<Arguments> resourceRoutes() {
      return Stream.of(
          Arguments.of("GET", "/v1/echo/h%C3%A9llo%20w%C3%B6rld", null, 200, "{\"value\": \"héllo wörld\"}"),
          Arguments.of("GET", "/v1/add?left=2&right=9007199254740993", null, 200, "{\"value\": \"9007199254740995\"}"),
          Arguments.of("GET", "/v1/items/lamp-3", null, 200, STOCK_ITEM),
          Arguments.of("GET", "/v1/items/missing", null, 404, ITEM_NOT_FOUND),
          Arguments.of("POST", "/v1/items", FULL_ITEM, 200, FULL_ITEM));
    }
  }
}
