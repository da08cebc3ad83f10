package dev.polyglot.adapters.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.polyglot.adapters.http.testing.RecordingBackend;
import dev.polyglot.adapters.http.testing.TestGateway;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP/JSON listener over a real gateway (route table, pipeline, validating JSON translator) and
 * in-process JSON backends that record exactly what reached them. The body limit is 1 KiB.
 */
class HttpListenerTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.start(1024);
  }

  @AfterAll
  static void stop() {
    if (gw != null) gw.close();
  }

  @BeforeEach
  void clear() {
    gw.shop().clear();
    gw.library().clear();
  }

  private static void assertResponse(int status, String body, HttpResponse<String> r) {
    assertEquals(body, r.body());
    assertEquals(status, r.statusCode());
    assertEquals("application/json; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
  }

  // ---- RPC-style calls -------------------------------------------------------------------------------

  @Test
  void aThriftMethodIsCalledWithItsArgumentsByNameAndAnswersWithTheBareResult() {
    gw.shop().answer("getItem", "{\"sku\":\"A-1\",\"name\":\"anvil\",\"price_cents\":1999}");
    HttpResponse<String> r = gw.call("POST", "/shop.Shop/getItem", "{\"sku\": \"A-1\"}");
    assertResponse(200, "{\"sku\":\"A-1\",\"name\":\"anvil\",\"price_cents\":1999}", r);
    assertEquals(List.of("{\"sku\":\"A-1\"}"), gw.shop().requests("getItem"));
  }

  @Test
  void theSimpleServiceNameIsAcceptedWhereItIsUnique() {
    gw.shop().answer("countItems", "42");
    assertResponse(200, "42", gw.call("POST", "/Shop/countItems", "{}"));
    assertEquals(List.of("{}"), gw.shop().requests("countItems"));
  }

  @Test
  void anEmptyBodyIsAnEmptyRequestAndAListResultIsAnArray() {
    gw.shop().answer("listItems", "[{\"sku\":\"A-1\"},{\"sku\":\"B-2\"}]");
    HttpRequest req = HttpRequest.newBuilder(gw.uri("/shop.Shop/listItems")).POST(HttpRequest.BodyPublishers.noBody()).build();
    assertResponse(200, "[{\"sku\":\"A-1\"},{\"sku\":\"B-2\"}]", gw.send(req));
    assertEquals(List.of("{}"), gw.shop().requests("listItems"));
  }

  @Test
  void aProtoMethodTakesAndAnswersProto3Json() {
    gw.library().answer("GetBook", "{\"name\":\"shelves/1/books/2\",\"title\":\"Dune\",\"pageCount\":\"412\"}");
    HttpResponse<String> r = gw.call("POST", "/test.library.v1.Library/GetBook", "{\"name\":\"shelves/1/books/2\"}");
    assertResponse(200, "{\"name\":\"shelves/1/books/2\",\"title\":\"Dune\",\"pageCount\":\"412\"}", r);
    assertEquals(List.of("{\"name\":\"shelves/1/books/2\"}"), gw.library().requests("GetBook"));
  }

  @Test
  void aVoidMethodAnswersAnEmptyObject() {
    gw.shop().answer("deleteItem", "");
    assertResponse(200, "{}", gw.call("POST", "/shop.Shop/deleteItem", "{\"sku\":\"A-1\"}"));
  }

  @Test
  void aOnewayMethodIsAcceptedWith202() {
    gw.shop().answer("touch", "");
    assertResponse(202, "{}", gw.call("POST", "/shop.Shop/touch", "{\"sku\":\"A-1\"}"));
    assertEquals(List.of("{\"sku\":\"A-1\"}"), gw.shop().requests("touch"));
  }

  @Test
  void authorizationAndXHeadersReachTheBackendAsMetadata() {
    gw.shop().answer("countItems", "1");
    HttpRequest req = HttpRequest.newBuilder(gw.uri("/shop.Shop/countItems"))
        .header("Content-Type", "application/json; charset=UTF-8")
        .header("Authorization", "Bearer t0k")
        .header("X-Request-Id", "req-7")
        .header("Accept-Language", "fr")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();
    assertResponse(200, "1", gw.send(req));
    RecordingBackend.Received received = gw.shop().received().get(0);
    assertEquals("Bearer t0k", received.metadata().get("authorization"));
    assertEquals("req-7", received.metadata().get("x-request-id"));
    assertEquals(null, received.metadata().get("accept-language"));
    assertEquals(2, received.metadata().entries().size());
  }

  // ---- resource-style routes -----------------------------------------------------------------------

  static Stream<Arguments> resourceRoutes() {
    return Stream.of(
        Arguments.of("a path variable", "GET", "/v1/items/A-1", null, "shop", "getItem", "{\"sku\":\"A-1\"}"),
        Arguments.of("a percent-encoded UTF-8 path variable keeps its encoded slash inside", "GET", "/v1/items/caf%C3%A9%2F1", null, "shop", "getItem",
            "{\"sku\":\"café/1\"}"),
        Arguments.of("a nested path variable and a body field", "PUT", "/v1/items/A-1", "{\"name\":\"anvil\",\"price_cents\":1999}", "shop", "putItem",
            "{\"item\":{\"name\":\"anvil\",\"price_cents\":1999,\"sku\":\"A-1\"}}"),
        Arguments.of("the path variable wins over the body", "PUT", "/v1/items/A-1", "{\"sku\":\"B-2\",\"name\":\"anvil\"}", "shop", "putItem",
            "{\"item\":{\"sku\":\"A-1\",\"name\":\"anvil\"}}"),
        Arguments.of("typed, repeated and nested query parameters", "GET", "/v1/items?status=ACTIVE&limit=5&tags=red&tags=big%20one&dims.width_cm=3&in_stock=true", null,
            "shop", "listItems", "{\"status\":\"ACTIVE\",\"limit\":5,\"tags\":[\"red\",\"big one\"],\"dims\":{\"width_cm\":3},\"in_stock\":true}"),
        Arguments.of("a double and an i64 beyond 2^53 from the query", "GET", "/v1/items?max_weight_kg=1.50&min_price_cents=9007199254740993", null, "shop",
            "listItems", "{\"max_weight_kg\":1.5,\"min_price_cents\":9007199254740993}"),
        Arguments.of("an enum by number from the query", "GET", "/v1/items?status=2", null, "shop", "listItems", "{\"status\":\"DISCONTINUED\"}"),
        Arguments.of("a plus in the query is a space", "GET", "/v1/items?tags=big+one", null, "shop", "listItems", "{\"tags\":[\"big one\"]}"),
        Arguments.of("another verb on the same path", "POST", "/v1/items", "{\"sku\":\"C-3\",\"status\":\"DISCONTINUED\"}", "shop", "createItem",
            "{\"item\":{\"sku\":\"C-3\",\"status\":\"DISCONTINUED\"}}"),
        Arguments.of("a ** variable spans segments", "GET", "/v1/files/docs/a%2Fb/readme.txt", null, "shop", "readFile", "{\"path\":\"docs/a%2Fb/readme.txt\"}"),
        Arguments.of("a DELETE route", "DELETE", "/v1/items/A-1", null, "shop", "deleteItem", "{\"sku\":\"A-1\"}"),
        Arguments.of("a multi-segment proto variable", "GET", "/v1/shelves/7/books/9", null, "library", "GetBook", "{\"name\":\"shelves/7/books/9\"}"),
        Arguments.of("a variable in the middle of the path", "GET", "/v1/shelves/7/books?page_size=2", null, "library", "ListBooks",
            "{\"parent\":\"shelves/7\",\"pageSize\":2}"),
        Arguments.of("an additional binding with nested enum and repeated query parameters", "GET", "/v1/books?filter.genre=GENRE_FICTION&filter.minPages=100&tags=a&tags=b",
            null, "library", "ListBooks", "{\"filter\":{\"genre\":\"GENRE_FICTION\",\"minPages\":100},\"tags\":[\"a\",\"b\"]}"),
        Arguments.of("a body field, a nested path variable and a query parameter", "PATCH", "/v1/shelves/1/books/2?allow_missing=true", "{\"title\":\"Dune\"}", "library",
            "UpdateBook", "{\"book\":{\"title\":\"Dune\",\"name\":\"shelves/1/books/2\"},\"allowMissing\":true}"),
        Arguments.of("the whole body as the request", "POST", "/v1/books", "{\"title\":\"Dune\",\"page_count\":\"412\",\"genre\":\"GENRE_FICTION\"}", "library",
            "CreateBook", "{\"title\":\"Dune\",\"pageCount\":\"412\",\"genre\":\"GENRE_FICTION\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceRoutes")
  void aResourceRouteBuildsTheRequestFromPathQueryAndBody(String caseName, String verb, String path, String body, String backend, String method, String expected) {
    RecordingBackend b = backend.equals("shop") ? gw.shop() : gw.library();
    b.answer(method, "{}");
    HttpResponse<String> r = gw.call(verb, path, body);
    assertResponse(200, "{}", r);
    assertEquals(List.of(expected), b.requests(method));
  }

  @Test
  void aRuleThatCannotBeServedIsSkippedAndItsMethodStaysCallable() {
    gw.shop().answer("volume", "24");
    HttpResponse<String> resource = gw.call("GET", "/v1/volume/3", null);
    assertResponse(404, "{\"code\":\"not_found\",\"message\":\"no route for GET /v1/volume/3\",\"details\":[]}", resource);
    assertResponse(200, "24", gw.call("POST", "/shop.Shop/volume", "{\"dims\":{\"width_cm\":2,\"height_cm\":12}}"));
  }

  @Test
  void aResponseBodyRuleReturnsOneFieldOfTheResponse() {
    gw.library().answer("BookList", "{\"books\":[{\"title\":\"Dune\"}],\"nextPageToken\":\"p2\"}");
    assertResponse(200, "[{\"title\":\"Dune\"}]", gw.call("GET", "/v1/book-list", null));
  }

  @Test
  void aResourceRouteAnswersWithTheResult() {
    gw.shop().answer("getItem", "{\"sku\":\"A-1\",\"name\":\"anvil\"}");
    assertResponse(200, "{\"sku\":\"A-1\",\"name\":\"anvil\"}", gw.call("GET", "/v1/items/A-1", null));
  }

  // ---- errors --------------------------------------------------------------------------------------

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("unknown path", "GET", "/nope", null, 404, null, "{\"code\":\"not_found\",\"message\":\"no route for GET /nope\",\"details\":[]}"),
        Arguments.of("unknown service", "POST", "/shop.Nope/getItem", "{}", 404, null,
            "{\"code\":\"not_found\",\"message\":\"no route for POST /shop.Nope/getItem\",\"details\":[]}"),
        Arguments.of("unknown method", "POST", "/shop.Shop/getNothing", "{}", 404, null,
            "{\"code\":\"unimplemented\",\"message\":\"unknown method getNothing of service shop.Shop\",\"details\":[]}"),
        Arguments.of("another verb on a resource path", "DELETE", "/v1/items", null, 405, "GET, POST",
            "{\"code\":\"unimplemented\",\"message\":\"method DELETE is not allowed for /v1/items (allowed: GET, POST)\",\"details\":[]}"),
        Arguments.of("GET on an RPC path", "GET", "/shop.Shop/getItem", null, 405, "POST",
            "{\"code\":\"unimplemented\",\"message\":\"method GET is not allowed for /shop.Shop/getItem (allowed: POST)\",\"details\":[]}"),
        Arguments.of("malformed JSON on an RPC call", "POST", "/shop.Shop/getItem", "{\"sku\": ", 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"malformed JSON at 1:9: Unexpected end-of-input within/between Object entries\",\"details\":[]}"),
        Arguments.of("a wrong type on an RPC call", "POST", "/shop.Shop/listItems", "{\"limit\": \"many\"}", 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"limit: expected an integer, got \\\"many\\\"\",\"details\":[]}"),
        Arguments.of("a wrong type in a nested body field", "PUT", "/v1/items/A-1", "{\"dims\": {\"width_cm\": true}}", 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"item.dims.width_cm: expected an integer, got true\",\"details\":[]}"),
        Arguments.of("a wrong type in the query", "GET", "/v1/items?limit=lots", null, 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"limit: expected an integer, got \\\"lots\\\"\",\"details\":[]}"),
        Arguments.of("a boolean query parameter that is not one", "GET", "/v1/items?in_stock=yes", null, 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"in_stock: expected a boolean, got \\\"yes\\\"\",\"details\":[]}"),
        Arguments.of("malformed JSON on a resource route", "PUT", "/v1/items/A-1", "{\"name\" \"anvil\"}", 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"request body: malformed JSON at line 1, column 9: Unexpected character ('\\\"' (code 34)): was expecting a colon to separate field name and value\",\"details\":[]}"),
        Arguments.of("an unknown query parameter", "GET", "/v1/items?colour=red", null, 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"query parameter colour: no such field in the arguments of listItems (expected one of: status, limit, tags, dims, in_stock, max_weight_kg, min_price_cents)\",\"details\":[]}"),
        Arguments.of("an unknown nested query parameter", "GET", "/v1/items?dims.depth_cm=4", null, 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"query parameter dims.depth_cm: no such field in shop.Dimensions (expected one of: width_cm, height_cm)\",\"details\":[]}"),
        Arguments.of("a query parameter for a struct", "GET", "/v1/items?dims=3", null, 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"query parameter dims: dims is a shop.Dimensions (expected: a scalar, enum or repeated scalar field)\",\"details\":[]}"),
        Arguments.of("a query parameter with a whole-body route", "POST", "/v1/books?title=x", "{}", 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"query parameter title: not accepted, the body is the whole request (expected: no query parameters on POST /v1/books)\",\"details\":[]}"),
        Arguments.of("a query parameter given twice", "GET", "/v1/items?limit=1&limit=2", null, 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"query parameter limit: given twice or already set by the path (expected: once)\",\"details\":[]}"),
        Arguments.of("a body that is not an object for a whole-body route", "POST", "/v1/books", "[1]", 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"request body: a JSON array (expected: a JSON object)\",\"details\":[]}"),
        Arguments.of("escaped bytes that are not UTF-8", "GET", "/v1/items/%C3%28", null, 400, null,
            "{\"code\":\"invalid_argument\",\"message\":\"path: \\\"%C3%28\\\": the escaped bytes are not UTF-8 (expected: percent-encoded UTF-8)\",\"details\":[]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void aBadRequestIsAnsweredWithTheExactStatusAndBody(String caseName, String verb, String path, String body, int status, String allow, String expected) {
    gw.shop().answer("getItem", "{}");
    HttpResponse<String> r = gw.call(verb, path, body);
    assertResponse(status, expected, r);
    assertEquals(java.util.Optional.ofNullable(allow), r.headers().firstValue("allow"));
    assertEquals(List.of(), gw.shop().received());
  }

  @Test
  void aBodyOverTheLimitIsRefusedFromItsContentLength() {
    String big = "{\"sku\":\"" + "x".repeat(2000) + "\"}";
    assertResponse(413, "{\"code\":\"resource_exhausted\",\"message\":\"request body of 2010 bytes is over the limit of 1024 bytes\",\"details\":[]}",
        gw.call("POST", "/shop.Shop/getItem", big));
    assertEquals(List.of(), gw.shop().received());
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWhileStreaming() {
    byte[] big = ("{\"sku\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest req = HttpRequest.newBuilder(gw.uri("/shop.Shop/getItem"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
        .build();
    assertResponse(413, "{\"code\":\"resource_exhausted\",\"message\":\"request body is over the limit of 1024 bytes\",\"details\":[]}", gw.send(req));
    assertEquals(List.of(), gw.shop().received());
  }

  static Stream<Arguments> contentTypes() {
    return Stream.of(
        Arguments.of("text/plain", 415, "{\"code\":\"invalid_argument\",\"message\":\"content type text/plain is not supported (expected: application/json)\",\"details\":[]}"),
        Arguments.of("application/x-www-form-urlencoded", 415,
            "{\"code\":\"invalid_argument\",\"message\":\"content type application/x-www-form-urlencoded is not supported (expected: application/json)\",\"details\":[]}"),
        Arguments.of("application/json; charset=iso-8859-1", 415, "{\"code\":\"invalid_argument\",\"message\":\"charset iso-8859-1 is not supported (expected: utf-8)\",\"details\":[]}"),
        Arguments.of("application/json", 200, "7"),
        Arguments.of("Application/JSON; charset=\"UTF-8\"", 200, "7"),
        Arguments.of(null, 200, "7"));
  }

  @ParameterizedTest(name = "Content-Type {0}")
  @MethodSource("contentTypes")
  void onlyJsonContentIsAccepted(String contentType, int status, String expected) {
    gw.shop().answer("countItems", "7");
    HttpRequest.Builder b = HttpRequest.newBuilder(gw.uri("/shop.Shop/countItems")).POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (contentType != null) b.header("Content-Type", contentType);
    assertResponse(status, expected, gw.send(b.build()));
  }

  static Stream<Arguments> backendErrors() {
    String retired = "{\"message\":\"retired in 2019\",\"retired_year\":2019}";
    String notFound = "{\"message\":\"no item A-1\",\"sku\":\"A-1\"}";
    return Stream.of(
        Arguments.of("a declared exception with an http.status annotation",
            Reply.error(Status.of(StatusCode.FAILED_PRECONDITION, "retired in 2019", Status.Detail.of("shop.ItemRetired", WireFormat.THRIFT_JSON, bytes(retired)))), 410,
            "{\"code\":\"failed_precondition\",\"message\":\"retired in 2019\",\"details\":[{\"type\":\"shop.ItemRetired\",\"debug\":" + retired + "}]}"),
        Arguments.of("a declared exception without one",
            Reply.error(Status.of(StatusCode.NOT_FOUND, "no item A-1", Status.Detail.of("shop.ItemNotFound", WireFormat.THRIFT_JSON, bytes(notFound)))), 404,
            "{\"code\":\"not_found\",\"message\":\"no item A-1\",\"details\":[{\"type\":\"shop.ItemNotFound\",\"debug\":" + notFound + "}]}"),
        Arguments.of("a detail not rendered as JSON",
            Reply.error(Status.of(StatusCode.NOT_FOUND, "no item A-1", Status.Detail.of("shop.ItemNotFound", WireFormat.THRIFT_BINARY, new byte[] {0}))), 404,
            "{\"code\":\"not_found\",\"message\":\"no item A-1\",\"details\":[{\"type\":\"shop.ItemNotFound\"}]}"),
        Arguments.of("UNAVAILABLE", Reply.error(StatusCode.UNAVAILABLE, "backend shop-backend is unreachable"), 503,
            "{\"code\":\"unavailable\",\"message\":\"backend shop-backend is unreachable\",\"details\":[]}"),
        Arguments.of("DEADLINE_EXCEEDED", Reply.error(StatusCode.DEADLINE_EXCEEDED, "no reply within 30s"), 504,
            "{\"code\":\"deadline_exceeded\",\"message\":\"no reply within 30s\",\"details\":[]}"),
        Arguments.of("UNIMPLEMENTED from the backend", Reply.error(StatusCode.UNIMPLEMENTED, "getItem is not implemented"), 501,
            "{\"code\":\"unimplemented\",\"message\":\"getItem is not implemented\",\"details\":[]}"),
        Arguments.of("PERMISSION_DENIED", Reply.error(StatusCode.PERMISSION_DENIED, "no"), 403, "{\"code\":\"permission_denied\",\"message\":\"no\",\"details\":[]}"),
        Arguments.of("ALREADY_EXISTS", Reply.error(StatusCode.ALREADY_EXISTS, "dup"), 409, "{\"code\":\"already_exists\",\"message\":\"dup\",\"details\":[]}"),
        Arguments.of("RESOURCE_EXHAUSTED", Reply.error(StatusCode.RESOURCE_EXHAUSTED, "slow down"), 429,
            "{\"code\":\"resource_exhausted\",\"message\":\"slow down\",\"details\":[]}"),
        Arguments.of("UNKNOWN", Reply.error(StatusCode.UNKNOWN, "boom"), 500, "{\"code\":\"unknown\",\"message\":\"boom\",\"details\":[]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backendErrors")
  void aBackendErrorIsMappedThroughTheErrorModel(String caseName, Reply reply, int status, String expected) {
    gw.shop().answer("getItem", reply);
    assertResponse(status, expected, gw.call("POST", "/shop.Shop/getItem", "{\"sku\":\"A-1\"}"));
    assertResponse(status, expected, gw.call("GET", "/v1/items/A-1", null));
  }

  @Test
  void aMalformedEscapeInThePathIsRefusedWithTheBadText() throws Exception {
    // java.net.URI refuses such a path, so the request is written by hand on a plain socket.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gw.listener.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /v1/items/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals("HTTP/1.1 400 Bad Request", response.substring(0, response.indexOf("\r\n")));
      assertEquals("{\"code\":\"invalid_argument\",\"message\":\"path: \\\"%zz\\\": malformed escape at character 1 (expected: % followed by two hex digits)\",\"details\":[]}",
          response.substring(response.indexOf("\r\n\r\n") + 4));
    }
  }

  @Test
  void manyCallsInParallelEachGetTheirOwnReplyWhenRepliesCompleteOnOtherThreads() throws Exception {
    gw.shop().answerAsync("getItem", request -> request.replace("\"sku\"", "\"name\""));
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      HttpRequest req = i % 2 == 0
          ? HttpRequest.newBuilder(gw.uri("/shop.Shop/getItem")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"S-" + i + "\"}")).build()
          : HttpRequest.newBuilder(gw.uri("/v1/items/S-" + i)).GET().build();
      calls.add(gw.client.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < calls.size(); i++) assertResponse(200, "{\"name\":\"S-" + i + "\"}", calls.get(i).get());
    assertEquals(40, gw.shop().requests("getItem").size());
  }

  @Test
  void theHttpRoutesAreCompiledOncePerSnapshot() {
    HttpRoutes first = gw.listener.routes();
    gw.shop().answer("countItems", "1");
    gw.call("POST", "/shop.Shop/countItems", "{}");
    assertSame(first, gw.listener.routes());
    gw.gateway.routeTable().refresh();
    HttpRoutes next = gw.listener.routes();
    assertNotSame(first, next);
    assertSame(gw.gateway.router().snapshot(), next.snapshot());
    assertSame(next, gw.listener.routes());
  }

  @Test
  void aClientExpecting100ContinueGetsItBeforeSendingTheBody() throws Exception {
    // curl sends "Expect: 100-continue" for bodies over 1 KiB and waits a second when no 100 comes.
    gw.shop().answer("getItem", "{\"sku\":\"E-1\"}");
    String body = "{\"sku\":\"E-1\"}";
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gw.listener.address().getPort())) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out.write(("POST /shop.Shop/getItem HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
          + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertEquals("HTTP/1.1 100 Continue", in.readLine());
      assertEquals("", in.readLine());
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertEquals("HTTP/1.1 200 OK", in.readLine());
    }
    assertEquals(List.of("{\"sku\":\"E-1\"}"), gw.shop().requests("getItem"));
  }

  @Test
  void aClientExpecting100ContinueWithABodyOverTheLimitGets413Instead() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gw.listener.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /shop.Shop/getItem HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000"
          + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("HTTP/1.1 413 Request Entity Too Large", in.readLine());
    }
    assertEquals(List.of(), gw.shop().received());
  }

  @Test
  void aProtoCallersErrorTakesItsStatusFromTheCodeAndShowsTheDetailInProto3Json() {
    String detail = "{\"name\":\"shelves/1/books/404\",\"pageCount\":\"0\"}";
    gw.library().answer("GetBook", Reply.error(Status.of(StatusCode.NOT_FOUND, "no book shelves/1/books/404",
        Status.Detail.of("test.library.v1.Book", WireFormat.PROTO_JSON, bytes(detail)))));
    assertResponse(404, "{\"code\":\"not_found\",\"message\":\"no book shelves/1/books/404\",\"details\":[{\"type\":\"test.library.v1.Book\",\"debug\":" + detail + "}]}",
        gw.call("GET", "/v1/shelves/1/books/404", null));
  }

  @Test
  void healthzAnswersOk() {
    assertResponse(200, "{\"status\":\"ok\"}", gw.call("GET", "/healthz", null));
  }

  // ---- isolation -----------------------------------------------------------------------------------

  @Test
  void aHealthyCallSucceedsWhileBadOnesAreAnsweredAndAnotherIsInFlight() throws Exception {
    CompletableFuture<Reply> held = new CompletableFuture<>();
    gw.shop().answerLater("getItem", held);
    gw.shop().answer("countItems", "3");
    CompletableFuture<HttpResponse<String>> inFlight = gw.client.sendAsync(
        HttpRequest.newBuilder(gw.uri("/shop.Shop/getItem")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"slow\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    List<CompletableFuture<HttpResponse<String>>> bad = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      bad.add(gw.client.sendAsync(HttpRequest.newBuilder(gw.uri("/shop.Shop/listItems")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"limit\": ")).build(), HttpResponse.BodyHandlers.ofString()));
      bad.add(gw.client.sendAsync(HttpRequest.newBuilder(gw.uri("/nope/" + i)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }
    assertResponse(200, "3", gw.call("POST", "/shop.Shop/countItems", "{}"));
    for (CompletableFuture<HttpResponse<String>> f : bad) {
      HttpResponse<String> r = f.get();
      assertEquals(r.uri().getPath().startsWith("/nope/") ? 404 : 400, r.statusCode(), r.body());
    }
    held.complete(Reply.ok(WireFormat.THRIFT_JSON, bytes("{\"sku\":\"slow\"}")));
    assertResponse(200, "{\"sku\":\"slow\"}", inFlight.get());
    assertResponse(200, "3", gw.call("POST", "/shop.Shop/countItems", "{}"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
