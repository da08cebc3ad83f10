package dev.polyglot.conformance.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on the HTTP listener of a gateway that translates Thrift-view JSON to a gRPC backend:
 * each request gets its exact status and error body (with the field path where a value is wrong),
 * while a healthy caller on its own connection is answered during and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpListenerBadInputTest {
  BadInputFixture fixture;
  /** Its own client, so its own connection, apart from the bad requests'. */
  final HttpClient healthyClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start() throws Exception {
    fixture = BadInputFixture.start();
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  void assertHealthy(String text) throws IOException, InterruptedException {
    HttpResponse<String> r = healthyClient.send(Http.request(fixture.gateway.httpPort(), "/interop.Interop/echoString")
        .POST(HttpRequest.BodyPublishers.ofString("{\"value\": \"" + text + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200 + " \"" + text + "\"", r.statusCode() + " " + r.body());
  }

  static String error(String code, String message) {
    return "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":[]}";
  }

  static Stream<Arguments> badRequests() {
    String tooBig = "{\"value\": \"" + "x".repeat(BadInputFixture.LIMIT) + "\"}";
    return Stream.of(
        Arguments.of("malformed JSON", "POST", "/interop.Interop/echoI32", "application/json", "{\"value\": ",
            400, error("invalid_argument", "malformed JSON at 1:11: Unexpected end-of-input within/between Object entries")),
        Arguments.of("a string where an i32 belongs", "POST", "/interop.Interop/echoI32", "application/json",
            "{\"value\": \"seven\"}",
            400, error("invalid_argument", "value: expected an integer, got \\\"seven\\\"")),
        Arguments.of("a wrong type deep in a struct", "POST", "/interop.Interop/echoItem", "application/json",
            "{\"item\": {\"sku\": \"x\", \"dims\": {\"width_cm\": \"wide\", \"height_cm\": 1}}}",
            400, error("invalid_argument", "item.dims.width_cm: expected an integer, got \\\"wide\\\"")),
        Arguments.of("an i8 out of range", "POST", "/interop.Interop/echoByte", "application/json", "{\"value\": 300}",
            400, error("invalid_argument", "value: 300 is out of range (expected: an i8 between -128 and 127)")),
        Arguments.of("an unknown enum name", "POST", "/interop.Interop/echoEnum", "application/json", "{\"value\": \"COPPER\"}",
            400, error("invalid_argument", "value: \\\"COPPER\\\" is not a value of enum interop.MemberTier (expected: one of BRONZE, SILVER, GOLD, PLATINUM)")),
        Arguments.of("an unknown method", "POST", "/interop.Interop/noSuchMethod", "application/json", "{}",
            404, error("unimplemented", "unknown method noSuchMethod of service interop.Interop")),
        Arguments.of("an unknown path", "GET", "/v2/nothing", null, null,
            404, error("not_found", "no route for GET /v2/nothing")),
        Arguments.of("a verb the RPC path does not take", "GET", "/interop.Interop/echoI32", null, null,
            405, error("unimplemented", "method GET is not allowed for /interop.Interop/echoI32 (allowed: POST)")),
        Arguments.of("a body over max_body_size", "POST", "/interop.Interop/echoString", "application/json", tooBig,
            413, error("resource_exhausted", "request body of 65549 bytes is over the limit of 65536 bytes")),
        Arguments.of("a body that is not JSON", "POST", "/interop.Interop/echoI32", "text/plain", "7",
            415, error("invalid_argument", "content type text/plain is not supported (expected: application/json)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void aBadRequestGetsItsExactStatusAndBodyAndAHealthyConnectionKeepsBeingServed(String name, String verb, String path,
      String contentType, String body, int status, String expectedBody) throws Exception {
    assertHealthy("before");
    HttpRequest.Builder b = Http.request(fixture.gateway.httpPort(), path);
    if (contentType != null) b.header("Content-Type", contentType);
    b.method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    Http.Response r = Http.send(b.build());
    assertHealthy("during");
    assertEquals(status + " " + expectedBody, r.status() + " " + r.body());
    assertHealthy("after");
  }

  @Test
  void bytesThatAreNotHttpAreRefusedOnTheirOwnConnection() throws Exception {
    assertHealthy("before");
    try (Socket raw = new Socket("127.0.0.1", fixture.gateway.httpPort())) {
      raw.setSoTimeout(10_000);
      raw.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xA5, 0x01, 0x00, '\r', '\n', '\r', '\n'});
      raw.getOutputStream().flush();
      String answer = new String(raw.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertHealthy("during");
      assertEquals("HTTP/1.1 400 Bad Request", answer.lines().findFirst().orElse("(closed without an answer)"));
    }
    assertHealthy("after");
  }
}
