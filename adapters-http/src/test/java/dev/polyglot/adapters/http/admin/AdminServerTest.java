package dev.polyglot.adapters.http.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyglot.adapters.http.testing.TestGateway;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API over a real gateway; its effects are checked through the HTTP listener. */
class AdminServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestGateway gw;
  static final List<String> SHOP_METHODS = List.of("getItem", "putItem", "listItems", "createItem", "countItems", "readFile", "deleteItem", "touch", "volume");

  static final String EXTRA_THRIFT = """
      service Extra {
        string ping(1: string word) (http.get = "/extra/ping/{word}")
      }
      """;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.start(1 << 20);
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

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void routesAreListedWithTheKeysOfGatewayYaml() throws Exception {
    HttpResponse<String> r = gw.admin("GET", "/routes", null);
    assertEquals(200, r.statusCode());
    JsonNode routes = json(r).get("routes");
    assertEquals(
        "[{\"service\":\"shop.Shop\",\"backend\":\"shop-backend\",\"backend_service\":\"shop.Shop\",\"serving\":true,\"problems\":[]},"
            + "{\"service\":\"test.library.v1.Library\",\"backend\":\"library-backend\",\"backend_service\":\"test.library.v1.Library\",\"serving\":true,\"problems\":[]}]",
        routes.toString());
  }

  @Test
  void oneRouteAndOneBackendCanBeReadByName() throws Exception {
    assertEquals("{\"service\":\"shop.Shop\",\"backend\":\"shop-backend\",\"backend_service\":\"shop.Shop\",\"serving\":true,\"problems\":[]}",
        gw.admin("GET", "/routes/shop.Shop", null).body());
    assertEquals("{\"name\":\"library-backend\",\"protocol\":\"grpc\",\"endpoints\":[\"127.0.0.1:9\"],\"connect_timeout\":\"5s\",\"timeout\":\"30s\"}",
        gw.admin("GET", "/backends/library-backend", null).body());
    HttpResponse<String> none = gw.admin("GET", "/backends/nope", null);
    assertEquals(404, none.statusCode());
    assertEquals("{\"code\":\"not_found\",\"message\":\"no backend named nope (defined: library-backend, shop-backend)\",\"details\":[]}", none.body());
  }

  @Test
  void aRouteThatCannotBeBridgedIsRefusedWith409AndThePreviousOneKeepsServing() throws Exception {
    HttpResponse<String> r = gw.admin("PUT", "/routes/shop.Shop", "{\"backend\": \"library-backend\", \"backend_service\": \"test.library.v1.Library\"}");
    assertEquals(409, r.statusCode(), r.body());
    JsonNode body = json(r);
    assertEquals("failed_precondition", body.get("code").asText());
    assertEquals("shop.Shop", body.get("rejections").get(0).get("route").asText());
    List<String> problems = new java.util.ArrayList<>();
    body.get("rejections").get(0).get("problems").forEach(p -> problems.add(p.asText()));
    List<String> expected = new java.util.ArrayList<>(missingMethods());
    for (String m : SHOP_METHODS) expected.add("method " + m + ": no method of test.library.v1.Library matches (expected a method named " + m + ", ignoring case and underscores)");
    assertEquals(expected, problems);
    assertEquals("route shop.Shop rejected:\n  - " + String.join("\n  - ", expected), body.get("message").asText());

    assertEquals("shop.Shop", json(gw.admin("GET", "/routes", null)).get("routes").get(0).get("backend_service").asText());
    gw.shop().answer("countItems", "5");
    HttpResponse<String> call = gw.call("POST", "/shop.Shop/countItems", "{}");
    assertEquals(200, call.statusCode());
    assertEquals("5", call.body());
  }

  @Test
  void aMalformedRouteDocumentIsRefusedWithTheProblemAndItsPlace() throws Exception {
    HttpResponse<String> bad = gw.admin("PUT", "/routes/shop.Shop", "{\"backend\": \"shop-backend\", \"cahce\": {}}");
    assertEquals(400, bad.statusCode());
    JsonNode body = json(bad);
    assertEquals("invalid_argument", body.get("code").asText());
    assertEquals(1, body.get("problems").size());
    assertEquals(body.get("message").asText(), body.get("problems").get(0).asText());
    assertEquals("PUT /routes/shop.Shop:1:27: cahce: unknown key (expected one of: service, backend, backend_service, timeout, cache)", body.get("message").asText());

    HttpResponse<String> notJson = gw.admin("PUT", "/routes/shop.Shop", "{backend");
    assertEquals(400, notJson.statusCode());
    assertEquals("{\"code\":\"invalid_argument\",\"message\":\"request body: malformed JSON at line 1, column 2: Unexpected character ('b' (code 98)): was expecting double-quote to start field name\",\"details\":[]}",
        notJson.body());

    HttpResponse<String> otherService = gw.admin("PUT", "/routes/shop.Shop", "{\"service\": \"x.Y\", \"backend\": \"shop-backend\"}");
    assertEquals(400, otherService.statusCode());
    assertEquals("{\"code\":\"invalid_argument\",\"message\":\"service: \\\"x.Y\\\" (expected: \\\"shop.Shop\\\", as in the URL)\",\"details\":[]}", otherService.body());
  }

  @Test
  void anUploadedIdlANewBackendAndANewRouteAreServedOverHttpUntilDeleted() throws Exception {
    HttpResponse<String> idl = gw.admin("PUT", "/idl/extra.thrift", EXTRA_THRIFT);
    assertEquals(200, idl.statusCode(), idl.body());
    assertEquals("extra.thrift", json(idl).get("file").asText());

    HttpResponse<String> backend = gw.admin("PUT", "/backends/extra-backend", "{\"protocol\": \"thrift\", \"endpoints\": [\"127.0.0.1:9\"], \"transport\": \"buffered\"}");
    assertEquals(200, backend.statusCode(), backend.body());
    assertEquals("{\"name\":\"extra-backend\",\"protocol\":\"thrift\",\"endpoints\":[\"127.0.0.1:9\"],\"transport\":\"buffered\",\"encoding\":\"binary\",\"pool_size\":8,\"max_connections\":64,\"connect_timeout\":\"5s\",\"timeout\":\"30s\"}",
        json(backend).get("backend").toString());

    HttpResponse<String> route = gw.admin("PUT", "/routes/extra.Extra", "{\"backend\": \"extra-backend\", \"timeout\": \"2s\"}");
    assertEquals(200, route.statusCode(), route.body());
    assertEquals("{\"service\":\"extra.Extra\",\"backend\":\"extra-backend\",\"backend_service\":\"extra.Extra\",\"timeout\":\"2s\"}", json(route).get("route").toString());

    gw.thriftBackends.backend("extra-backend").answer("ping", "\"pong\"");
    HttpResponse<String> rpc = gw.call("POST", "/extra.Extra/ping", "{\"word\":\"hi\"}");
    assertEquals(200, rpc.statusCode(), rpc.body());
    assertEquals("\"pong\"", rpc.body());
    HttpResponse<String> resource = gw.call("GET", "/extra/ping/there", null);
    assertEquals(200, resource.statusCode(), resource.body());
    assertEquals(List.of("{\"word\":\"hi\"}", "{\"word\":\"there\"}"), gw.thriftBackends.backend("extra-backend").requests("ping"));

    HttpResponse<String> inUse = gw.admin("DELETE", "/backends/extra-backend", null);
    assertEquals(409, inUse.statusCode());
    assertEquals("backend extra-backend is used by routes extra.Extra (expected: delete or change those routes first)", json(inUse).get("message").asText());

    assertEquals("{\"deleted\":\"extra.Extra\"}", gw.admin("DELETE", "/routes/extra.Extra", null).body());
    HttpResponse<String> gone = gw.call("POST", "/extra.Extra/ping", "{\"word\":\"hi\"}");
    assertEquals(404, gone.statusCode());
    assertEquals("{\"code\":\"not_found\",\"message\":\"no route for POST /extra.Extra/ping\",\"details\":[]}", gone.body());
    assertEquals(404, gw.call("GET", "/extra/ping/there", null).statusCode());

    assertEquals("{\"deleted\":\"extra-backend\"}", gw.admin("DELETE", "/backends/extra-backend", null).body());
    assertEquals("{\"deleted\":\"extra.thrift\"}", gw.admin("DELETE", "/idl/extra.thrift", null).body());
    HttpResponse<String> again = gw.admin("DELETE", "/routes/extra.Extra", null);
    assertEquals(404, again.statusCode());
    assertEquals("{\"code\":\"not_found\",\"message\":\"no route for service extra.Extra (routed: shop.Shop, test.library.v1.Library)\",\"details\":[]}", again.body());
  }

  @Test
  void anIdlThatDoesNotLoadIsRefusedWithEveryProblem() throws Exception {
    HttpResponse<String> r = gw.admin("PUT", "/idl/broken.thrift", "service Broken {\n  void ping(1: Nope n)\n}\n");
    assertEquals(400, r.statusCode(), r.body());
    JsonNode body = json(r);
    assertEquals("invalid_argument", body.get("code").asText());
    assertEquals("[\"broken.thrift:2:16: unknown type 'Nope' (expected: a base type, a container, or a struct, union, exception, enum or typedef in scope)\"]",
        body.get("problems").toString());
    assertEquals(List.of("shop.thrift", "library.proto").stream().sorted().toList(),
        List.of(json(gw.admin("GET", "/idl", null)).get("files").get(0).get("name").asText(), json(gw.admin("GET", "/idl", null)).get("files").get(1).get("name").asText()));
  }

  @Test
  void anIdlFileCanBeReadBack() throws Exception {
    HttpResponse<String> r = gw.admin("GET", "/idl/shop.thrift", null);
    assertEquals(200, r.statusCode());
    assertEquals("text/plain; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
    assertEquals(new String(getClass().getClassLoader().getResourceAsStream("idl/shop.thrift").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), r.body());
  }

  @Test
  void backendsAreListed() throws Exception {
    HttpResponse<String> r = gw.admin("GET", "/backends", null);
    assertEquals(200, r.statusCode());
    assertEquals("[{\"name\":\"library-backend\",\"protocol\":\"grpc\",\"endpoints\":[\"127.0.0.1:9\"],\"connect_timeout\":\"5s\",\"timeout\":\"30s\"},"
        + "{\"name\":\"shop-backend\",\"protocol\":\"thrift\",\"endpoints\":[\"127.0.0.1:9\"],\"transport\":\"framed\",\"encoding\":\"binary\",\"pool_size\":8,\"max_connections\":64,\"connect_timeout\":\"5s\",\"timeout\":\"30s\"}]",
        json(r).get("backends").toString());
  }

  @Test
  void theCompatibilityReportSaysWhetherTwoServicesCanBeBridged() throws Exception {
    HttpResponse<String> same = gw.admin("GET", "/compat?caller=shop.Shop&backend=shop.Shop", null);
    assertEquals(200, same.statusCode(), same.body());
    assertEquals(true, json(same).get("bridgeable").asBoolean());
    assertEquals("[]", json(same).get("errors").toString());

    HttpResponse<String> apart = gw.admin("GET", "/compat?caller=shop.Shop&backend=test.library.v1.Library", null);
    assertEquals(200, apart.statusCode());
    JsonNode report = json(apart);
    assertEquals(false, report.get("bridgeable").asBoolean());
    List<String> errors = new java.util.ArrayList<>();
    report.get("errors").forEach(e -> errors.add(e.get("path").asText() + ": " + e.get("message").asText()));
    assertEquals(missingMethods(), errors);
    assertEquals(true, report.get("report").asText().startsWith("caller  shop.Shop (thrift)\nbackend test.library.v1.Library (proto)\n"), report.get("report").asText());

    HttpResponse<String> unknown = gw.admin("GET", "/compat?caller=shop.Nope&backend=shop.Shop", null);
    assertEquals(404, unknown.statusCode());
    assertEquals("not_found", json(unknown).get("code").asText());
    HttpResponse<String> missing = gw.admin("GET", "/compat?caller=shop.Shop", null);
    assertEquals(400, missing.statusCode());
    assertEquals("query parameters caller and backend are required (expected: /compat?caller=SERVICE&backend=SERVICE)", json(missing).get("message").asText());
  }

  @Test
  void cacheStatisticsCountHitsAndMissesOfACachedMethod() throws Exception {
    HttpResponse<String> cached = gw.admin("PUT", "/routes/shop.Shop", "{\"backend\": \"shop-backend\", \"cache\": {\"methods\": [\"getItem\"], \"ttl\": \"1m\"}}");
    assertEquals(200, cached.statusCode(), cached.body());
    try {
      JsonNode before = json(gw.admin("GET", "/cache", null));
      gw.shop().answer("getItem", "{\"sku\":\"C-1\"}");
      assertEquals("{\"sku\":\"C-1\"}", gw.call("GET", "/v1/items/C-1", null).body());
      assertEquals("{\"sku\":\"C-1\"}", gw.call("POST", "/shop.Shop/getItem", "{\"sku\":\"C-1\"}").body());
      assertEquals(1, gw.shop().requests("getItem").size());
      JsonNode after = json(gw.admin("GET", "/cache", null));
      assertEquals(before.get("hits").asLong() + 1, after.get("hits").asLong());
      assertEquals(before.get("misses").asLong() + 1, after.get("misses").asLong());
      assertEquals(List.of("hits", "misses", "evictions", "entries", "bytes", "max_bytes"), iterable(after));
    } finally {
      assertEquals(200, gw.admin("PUT", "/routes/shop.Shop", "{\"backend\": \"shop-backend\"}").statusCode());
    }
  }

  /** The compatibility errors of bridging the shop to the library: none of its methods exist there. */
  private static List<String> missingMethods() {
    return SHOP_METHODS.stream().map(m -> m + ": backend test.library.v1.Library has no method " + m + " (methods match by name ignoring case and underscores)")
        .toList();
  }

  private static List<String> iterable(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void unknownResourcesAndVerbsAreAnsweredInTheErrorShape() {
    HttpResponse<String> unknown = gw.admin("GET", "/nope", null);
    assertEquals(404, unknown.statusCode());
    assertEquals("{\"code\":\"not_found\",\"message\":\"no admin resource /nope (expected one of: /routes, /backends, /idl, /compat, /cache)\",\"details\":[]}", unknown.body());
    HttpResponse<String> verb = gw.admin("POST", "/routes", "{}");
    assertEquals(405, verb.statusCode());
    assertEquals("GET", verb.headers().firstValue("allow").orElseThrow());
    assertEquals("{\"code\":\"unimplemented\",\"message\":\"method POST is not allowed for /routes (allowed: GET)\",\"details\":[]}", verb.body());
  }
}
