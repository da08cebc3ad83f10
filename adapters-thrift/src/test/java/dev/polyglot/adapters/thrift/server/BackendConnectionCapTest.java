package dev.polyglot.adapters.thrift.server;

import static dev.polyglot.adapters.thrift.testing.ThriftValues.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.thrift.testing.CallerStyle;
import dev.polyglot.adapters.thrift.testing.EchoBackend;
import dev.polyglot.adapters.thrift.testing.EchoGateway;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Answer;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Args;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import dev.polyglot.gateway.config.ThriftTransport;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Thrift backend with {@code max_connections: 1} behind Thrift callers, whose calls run on their own
 * connection threads: a second caller waits for the one connection instead of opening another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackendConnectionCapTest {
  private static final CallerStyle CALLER = CallerStyle.of(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
  private EchoBackend backend;
  private EchoGateway gateway;

  @BeforeAll
  void start() throws Exception {
    backend = EchoBackend.start(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    gateway = EchoGateway.start(EchoGateway.backend(backend.port()).poolSize(1).maxConnections(1).build(),
        RouteConfig.builder(EchoGateway.SERVICE, EchoGateway.BACKEND).timeout(Duration.ofSeconds(3)).build(),
        Optional.of(EchoGateway.SERVICE), ThriftListenerConfig.DEFAULT_MAX_FRAME_BYTES, ThriftListenerConfig.DEFAULT_MAX_MESSAGE_BYTES);
  }

  @AfterAll
  void stop() throws Exception {
    if (gateway != null) gateway.close();
    if (backend != null) backend.close();
  }

  @Test
  void aSecondCallerWaitsForTheOnlyConnectionAndIsThenServedOnIt() throws Exception {
    try (ThriftTestClient first = ThriftTestClient.connect(gateway.address(), CALLER);
        ThriftTestClient second = ThriftTestClient.connect(gateway.address(), CALLER)) {
      CompletableFuture<Answer> slow = CompletableFuture.supplyAsync(() -> {
        try {
          return first.call("sleep", 1, Args.i32(1, 700));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(150); // the sleep call holds the backend's only connection by now
      long start = System.nanoTime();
      Answer echo = second.call("echo", 2, Args.string(1, "after you"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertNull(echo.error());
      assertEquals("after you", text(echo.success()));
      assertTrue(millis >= 400, "answered after " + millis + " ms, before the sleep call freed the connection");
      Answer slept = slow.get(5, TimeUnit.SECONDS);
      assertEquals(1, slept.header().seqid);
      assertNull(slept.error());
    }
    assertEquals(1, backend.connectionsAccepted());
  }
}
