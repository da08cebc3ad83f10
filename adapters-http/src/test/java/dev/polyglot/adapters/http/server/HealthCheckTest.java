package dev.polyglot.adapters.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.gateway.cache.ResponseCache;
import dev.polyglot.gateway.config.HttpListenerConfig;
import dev.polyglot.gateway.pipeline.CallPipeline;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.gateway.route.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /healthz} and the listener's stop, over a real pipeline serving no routes. */
class HealthCheckTest {
  private final HttpListener listener = new HttpListener(HttpListenerConfig.of("127.0.0.1", 0), 1);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void close() {
    listener.close();
  }

  private HttpResponse<String> send(String verb, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + listener.address().getPort() + path);
    return client.send(HttpRequest.newBuilder(uri).method(verb, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthzIsOkUntilTheListenerStopsAcceptingThenEverythingIs503() throws Exception {
    listener.start(new CallPipeline(new Router(() -> RouteSnapshot.EMPTY), List.of(), ResponseCache.builder(1024).build()));
    HttpResponse<String> ok = send("GET", "/healthz");
    assertEquals(200, ok.statusCode());
    assertEquals("{\"status\":\"ok\"}", ok.body());
    assertEquals("{\"code\":\"not_found\",\"message\":\"no route for POST /a.B/c\",\"details\":[]}", send("POST", "/a.B/c").body());

    listener.stopAccepting();
    HttpResponse<String> stopping = send("GET", "/healthz");
    assertEquals(503, stopping.statusCode());
    assertEquals("{\"status\":\"stopping\"}", stopping.body());
    HttpResponse<String> call = send("POST", "/a.B/c");
    assertEquals(503, call.statusCode());
    assertEquals("{\"code\":\"unavailable\",\"message\":\"the gateway is shutting down\",\"details\":[]}", call.body());
  }

  @Test
  void healthzTakesOnlyGet() throws Exception {
    listener.start(new CallPipeline(new Router(() -> RouteSnapshot.EMPTY), List.of(), ResponseCache.builder(1024).build()));
    HttpResponse<String> r = send("POST", "/healthz");
    assertEquals(405, r.statusCode());
    assertEquals("GET", r.headers().firstValue("allow").orElseThrow());
    assertEquals("{\"code\":\"unimplemented\",\"message\":\"method POST is not allowed for /healthz (allowed: GET)\",\"details\":[]}", r.body());
  }

  @Test
  void aPortInUseFailsTheStartWithTheAddress() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      HttpListener second = new HttpListener(HttpListenerConfig.of("127.0.0.1", taken.getLocalPort()), 1);
      java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
          () -> second.start(new CallPipeline(new Router(() -> RouteSnapshot.EMPTY), List.of(), ResponseCache.builder(1024).build())));
      assertEquals("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use", e.getMessage());
    }
  }

  @Test
  void closingReleasesThePortAndIsIdempotent() throws Exception {
    listener.start(new CallPipeline(new Router(() -> RouteSnapshot.EMPTY), List.of(), ResponseCache.builder(1024).build()));
    int port = listener.address().getPort();
    listener.close();
    listener.close();
    try (java.net.ServerSocket again = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertEquals(port, again.getLocalPort());
    }
  }
}
