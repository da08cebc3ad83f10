package dev.polyglot.adapters.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.adapters.http.testing.TestGateway;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

  @Test
  void aThriftMethodIsCalledWithItsArgumentsByNameAndAnswersWithTheBareResult() {
    gw.shop().answer("getItem", "{\"sku\":\"A-1\",\"name\":\"anvil\",\"price_cents\":1999}");
    HttpResponse<String> r = gw.call("POST", "/shop.Shop/getItem", "{\"sku\": \"A-1\"}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"sku\":\"A-1\",\"name\":\"anvil\",\"price_cents\":1999}", r.body());
    assertEquals("application/json; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
    assertEquals(List.of("{\"sku\":\"A-1\"}"), gw.shop().requests("getItem"));
  }
}
