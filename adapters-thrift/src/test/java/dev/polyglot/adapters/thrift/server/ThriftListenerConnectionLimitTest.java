package dev.polyglot.adapters.thrift.server;

import static dev.polyglot.adapters.thrift.testing.ThriftValues.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.thrift.testing.CallerStyle;
import dev.polyglot.adapters.thrift.testing.EchoBackend;
import dev.polyglot.adapters.thrift.testing.EchoGateway;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Args;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import dev.polyglot.gateway.config.ThriftTransport;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code listeners.thrift.max_connections: 2} in front of a real Thrift backend, with real sockets on 127.0.0.1. */
@Timeout(20)
class ThriftListenerConnectionLimitTest {
  private static final CallerStyle CALLER = CallerStyle.of(ThriftTransport.FRAMED, ThriftEncoding.BINARY);

  private EchoBackend backend;
  private EchoGateway gateway;

  @BeforeEach
  void start() throws Exception {
    backend = EchoBackend.start(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftListenerConfig listener = new ThriftListenerConfig("127.0.0.1", 0, Optional.of(EchoGateway.SERVICE),
        ThriftListenerConfig.DEFAULT_MAX_FRAME_BYTES, ThriftListenerConfig.DEFAULT_MAX_MESSAGE_BYTES, 2, Duration.ofMinutes(1));
    gateway = EchoGateway.start(EchoGateway.backend(backend.port()).build(), RouteConfig.of(EchoGateway.SERVICE, EchoGateway.BACKEND), listener, List.of());
  }

  @AfterEach
  void stop() throws Exception {
    if (gateway != null) gateway.close();
    if (backend != null) backend.close();
  }

  @Test
  void aThirdConnectionIsClosedUnreadWhileTheTwoOpenOnesKeepBeingAnsweredAndAFreedPlaceIsServedAgain() throws Exception {
    try (ThriftTestClient first = ThriftTestClient.connect(gateway.address(), CALLER);
        ThriftTestClient second = ThriftTestClient.connect(gateway.address(), CALLER)) {
      assertEquals("one", text(first.call("echo", 1, Args.string(1, "one")).success()));
      assertEquals("two", text(second.call("echo", 2, Args.string(1, "two")).success()));
      assertEquals(2, gateway.listener().openConnections());

      try (Socket third = new Socket(gateway.address().getAddress(), gateway.address().getPort())) {
        third.setSoTimeout(5000);
        long start = System.nanoTime();
        assertEquals(-1, third.getInputStream().read());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "closed after " + millis + "ms");
      }
      awaitEquals(1, () -> (int) gateway.listener().connectionsTurnedAway());

      assertEquals("one again", text(first.call("echo", 3, Args.string(1, "one again")).success()));
      assertEquals("two again", text(second.call("echo", 4, Args.string(1, "two again")).success()));

      first.close();
      // The gateway learns of the close when its read of that connection ends.
      awaitEquals(1, () -> gateway.listener().openConnections());
      try (ThriftTestClient fourth = ThriftTestClient.connect(gateway.address(), CALLER)) {
        assertEquals("four", text(fourth.call("echo", 5, Args.string(1, "four")).success()));
        assertEquals(2, gateway.listener().openConnections());
        assertEquals("two at last", text(second.call("echo", 6, Args.string(1, "two at last")).success()));
      }
      assertEquals(1, gateway.listener().connectionsTurnedAway());
    }
  }

  @Test
  void aFloodOfConnectionsIsTurnedAwayWithoutAThreadEach() throws Exception {
    int threadsBefore = connectionThreads();
    try (ThriftTestClient first = ThriftTestClient.connect(gateway.address(), CALLER);
        ThriftTestClient second = ThriftTestClient.connect(gateway.address(), CALLER)) {
      assertEquals("one", text(first.call("echo", 1, Args.string(1, "one")).success()));
      assertEquals("two", text(second.call("echo", 2, Args.string(1, "two")).success()));

      List<Socket> flood = new ArrayList<>();
      try {
        for (int i = 0; i < 20; i++) flood.add(new Socket(gateway.address().getAddress(), gateway.address().getPort()));
        for (Socket s : flood) {
          s.setSoTimeout(5000);
          assertEquals(-1, s.getInputStream().read());
        }
      } finally {
        for (Socket s : flood) s.close();
      }

      awaitEquals(20, () -> (int) gateway.listener().connectionsTurnedAway());
      assertEquals(2, gateway.listener().openConnections());
      int threads = connectionThreads();
      assertTrue(threads <= threadsBefore + 2, "connection threads: " + threadsBefore + " before, " + threads + " now");
      assertEquals("still one", text(first.call("echo", 3, Args.string(1, "still one")).success()));
    }
  }

  /** Live connection threads of every Thrift listener in this JVM (others' only ever end, so a rise is ours). */
  private static int connectionThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("thrift-connection-")).count();
  }

  static void awaitEquals(int expected, IntSupplier actual) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (actual.getAsInt() != expected && System.nanoTime() < deadline) Thread.sleep(10);
    assertEquals(expected, actual.getAsInt());
  }
}
