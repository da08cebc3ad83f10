package dev.polyglot.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls the HTTP surface of a gateway: {@code POST /<service>/<method>} with the request's JSON, the
 * body of the reply being the caller's view already (DESIGN.md "HTTP surface"). An error body
 * {@code {"code", "message", "details": [{"type", "debug"}]}} becomes a failure with its declared
 * exception.
 */
final class HttpTargetClient implements AutoCloseable {
  private final URI base;
  private final HttpClient client;

  HttpTargetClient(String host, int port) {
    this.base = URI.create("http://" + host + ":" + port);
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  Outcome call(String service, String method, byte[] json, boolean voidResult, Duration timeout) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/" + service + "/" + method))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return new Outcome.Failure("deadline_exceeded", Optional.empty(), base + ": no reply within " + timeout.toMillis() + " ms", Optional.empty());
    } catch (IOException e) {
      return new Outcome.Failure("unavailable", Optional.empty(), base + ": " + e, Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failure("cancelled", Optional.empty(), "interrupted", Optional.empty());
    }
    JsonNode body;
    try {
      body = response.body().length == 0 ? Json.MAPPER.nullNode() : Json.parse(response.body());
    } catch (RuntimeException e) {
      return new Outcome.Failure("internal", Optional.empty(),
          "HTTP " + response.statusCode() + " with a body that is not JSON: " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), Optional.empty());
    }
    // 200 with the result; 202 with {} for a oneway method, answered once the call is sent.
    if (response.statusCode() == 200 || response.statusCode() == 202) {
      return new Outcome.Success(voidResult ? Json.MAPPER.nullNode() : body);
    }
    String code = body.path("code").asText("unknown");
    String message = body.path("message").asText("");
    JsonNode detail = body.path("details").path(0);
    Optional<String> type = detail.has("type") ? Optional.of(detail.get("type").asText()) : Optional.empty();
    Optional<JsonNode> fields = detail.has("debug") ? Optional.of(detail.get("debug")) : Optional.empty();
    return new Outcome.Failure(code, type, message, fields);
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close() before Java 21; its threads end with it.
  }
}
