package dev.polyglot.adapters.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.adapters.http.testing.TestGateway;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.translate.WireFormat;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's graceful stop as an HTTP caller sees it. */
class GracefulStopTest {
  private TestGateway gw;

  @AfterEach
  void close() {
    if (gw != null) gw.close();
  }

  @Test
  void aCallInFlightIsAnsweredWhileNewCallsAndHealthzAre503ThenThePortIsReleased() throws Exception {
    gw = TestGateway.start(1024);
    int port = gw.listener.address().getPort();
    CompletableFuture<Reply> held = new CompletableFuture<>();
    gw.shop().answerLater("getItem", held);
    CompletableFuture<HttpResponse<String>> inFlight = gw.client.sendAsync(
        HttpRequest.newBuilder(gw.uri("/shop.Shop/getItem")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"G-1\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    while (gw.shop().received().isEmpty()) Thread.sleep(5);

    Thread stopper = new Thread(gw.gateway::stop, "stopper");
    stopper.start();
    HttpResponse<String> health = gw.call("GET", "/healthz", null);
    while (health.statusCode() == 200) {
      Thread.sleep(5);
      health = gw.call("GET", "/healthz", null);
    }
    assertEquals(503, health.statusCode());
    assertEquals("{\"status\":\"stopping\"}", health.body());
    HttpResponse<String> refused = gw.call("POST", "/shop.Shop/countItems", "{}");
    assertEquals(503, refused.statusCode());
    assertEquals("{\"code\":\"unavailable\",\"message\":\"the gateway is shutting down\",\"details\":[]}", refused.body());

    held.complete(Reply.ok(WireFormat.THRIFT_JSON, "{\"sku\":\"G-1\"}".getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> answered = inFlight.get();
    assertEquals(200, answered.statusCode());
    assertEquals("{\"sku\":\"G-1\"}", answered.body());

    stopper.join(10_000);
    assertEquals(false, stopper.isAlive());
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertEquals(port, again.getLocalPort());
    }
  }
}
