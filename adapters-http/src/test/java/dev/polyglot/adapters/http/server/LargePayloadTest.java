package dev.polyglot.adapters.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.adapters.http.testing.TestGateway;
import dev.polyglot.gateway.config.HttpListenerConfig;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 1 MiB requests and replies under the default body limit (4 MiB). */
class LargePayloadTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.start(HttpListenerConfig.DEFAULT_MAX_BODY_BYTES);
  }

  @AfterAll
  static void stop() {
    if (gw != null) gw.close();
  }

  @Test
  void aOneMebibyteRequestAndReplyCrossTheListenerIntact() {
    StringBuilder sku = new StringBuilder(1 << 20);
    for (int i = 0; sku.length() < 1 << 20; i++) sku.append((char) ('a' + i % 26));
    String request = "{\"sku\":\"" + sku + "\"}";
    String reply = "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + "\"}";
    gw.shop().answer("getItem", reply);
    HttpResponse<String> r = gw.call("POST", "/shop.Shop/getItem", request);
    assertEquals(200, r.statusCode());
    assertEquals(reply, r.body());
    assertEquals(List.of(request), gw.shop().requests("getItem"));
  }

  @Test
  void aOneMebibyteBodyFieldOnAResourceRouteIsAssembledIntact() {
    String name = "x".repeat(1 << 20);
    gw.shop().answer("putItem", "{\"sku\":\"L-1\"}");
    HttpResponse<String> r = gw.call("PUT", "/v1/items/L-1", "{\"name\":\"" + name + "\"}");
    assertEquals(200, r.statusCode());
    assertEquals(List.of("{\"item\":{\"name\":\"" + name + "\",\"sku\":\"L-1\"}}"), gw.shop().requests("putItem"));
  }
}
