package dev.polyglot.adapters.thrift.server;

import static dev.polyglot.adapters.thrift.testing.ThriftValues.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.apache.thrift.TApplicationException;
import org.apache.thrift.protocol.TMessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A route timeout of 300 ms in front of a backend that takes longer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteTimeoutTest {
  private EchoBackend backend;
  private EchoGateway gateway;

  @BeforeAll
  void start() throws Exception {
    backend = EchoBackend.start(ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
    gateway = EchoGateway.start(
        EchoGateway.backend(backend.port()).transport(ThriftTransport.BUFFERED).encoding(ThriftEncoding.COMPACT).build(),
        RouteConfig.builder(EchoGateway.SERVICE, EchoGateway.BACKEND).timeout(Duration.ofMillis(300)).build(),
        Optional.of(EchoGateway.SERVICE), ThriftListenerConfig.DEFAULT_MAX_FRAME_BYTES, ThriftListenerConfig.DEFAULT_MAX_MESSAGE_BYTES);
  }

  @AfterAll
  void stop() throws Exception {
    if (gateway != null) gateway.close();
    if (backend != null) backend.close();
  }

  @Test
  void aSlowBackendIsAnInternalErrorAtTheRouteTimeoutAndTheNextCallGetsItsOwnReply() throws Exception {
    try (ThriftTestClient client = ThriftTestClient.connect(gateway.address(), CallerStyle.of(ThriftTransport.FRAMED, ThriftEncoding.COMPACT))) {
      long start = System.nanoTime();
      Answer slow = client.call("sleep", 0x7fffffff, Args.i32(1, 2000));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(TMessageType.EXCEPTION, slow.header().type);
      assertEquals(0x7fffffff, slow.header().seqid);
      assertEquals(TApplicationException.INTERNAL_ERROR, slow.error().getType());
      // The backend client's socket timeout ends the call; the pipeline words it as the route's timeout.
      assertEquals("no reply from backend echo-backend within 300ms", slow.error().getMessage());
      assertTrue(millis >= 290 && millis < 1500, "answered after " + millis + "ms");

      Answer next = client.call("echo", -5, Args.string(1, "mine"));
      assertEquals(-5, next.header().seqid);
      assertEquals("mine", text(next.success()));
    }
  }
}
