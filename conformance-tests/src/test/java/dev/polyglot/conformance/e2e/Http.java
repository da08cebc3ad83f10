package dev.polyglot.conformance.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** java.net.http calls with UTF-8 text bodies, for the HTTP callers and the admin API. Thread-safe. */
final class Http {
  /** What came back: the status and the body text. */
  record Response(int status, String body, String contentType) {}

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private Http() {}

  static Response get(int port, String pathAndQuery) throws IOException, InterruptedException {
    return send(request(port, pathAndQuery).GET().build());
  }

  static Response post(int port, String path, String json) throws IOException, InterruptedException {
    return send(request(port, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  static Response put(int port, String path, String json) throws IOException, InterruptedException {
    return send(request(port, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  static Response send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
  }

  static HttpRequest.Builder request(int port, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(15));
  }
}
