package dev.polyglot.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 JSON client ({@code java.net.http}) posting {@code /<service>/<method>}. All slots share
 * one client, whose pool keeps one keep-alive connection per call in flight.
 */
final class HttpTarget implements LoadTarget {
  private final String host;
  private final int port;
  private final Payload payload;
  private final HttpClient client;
  private final HttpRequest request;
  private final String marker;

  /**
   * @param protoView true to address the proto service ({@code polyglot.interop.v1.InteropService},
   *     proto3 JSON), false for the Thrift service ({@code interop.Interop}, Thrift-view JSON)
   */
  HttpTarget(String host, int port, Payload payload, boolean protoView) {
    this.host = host;
    this.port = port;
    this.payload = payload;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    String path = protoView
        ? "/" + InteropNames.PROTO_SERVICE + "/" + payload.protoMethod()
        : "/" + InteropNames.THRIFT_SERVICE + "/" + payload.thriftMethod();
    this.request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload.jsonRequest(protoView)))
        .build();
    this.marker = payload.jsonReplyMarker();
  }

  @Override
  public Slot openSlot() {
    return new Slot() {
      @Override
      public void call() throws Exception {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw failure(r);
      }

      @Override
      public void verifiedCall() throws Exception {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw failure(r);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (!body.contains(marker)) throw new IllegalStateException(describe() + ": the reply does not echo the request: " + abbreviate(body));
      }

      @Override
      public void close() {}
    };
  }

  private IllegalStateException failure(HttpResponse<byte[]> r) {
    return new IllegalStateException(describe() + ": HTTP " + r.statusCode() + " " + abbreviate(new String(r.body(), StandardCharsets.UTF_8)));
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  @Override
  public String describe() {
    return "HTTP " + host + ":" + port + " " + request.uri().getPath();
  }

  @Override
  public void close() {
    // java.net.http.HttpClient on Java 17 has no close(); its connections die with their idle timeout.
  }
}
