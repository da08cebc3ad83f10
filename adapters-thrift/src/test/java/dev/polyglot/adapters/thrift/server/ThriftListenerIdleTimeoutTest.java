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
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.thrift.protocol.TMessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code listeners.thrift.idle_timeout: 300ms} in front of a real Thrift backend, with a route timeout
 * of 5 s, with real sockets on 127.0.0.1.
 */
@Timeout(20)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThriftListenerIdleTimeoutTest {
  private static final int IDLE_MILLIS = 300;
  /** Generous upper bound: the machine is shared with load benchmarks. */
  private static final long LATEST_CLOSE_MILLIS = 3000;

  private EchoBackend backend;
  private EchoGateway gateway;

  @BeforeAll
  void start() throws Exception {
    backend = EchoBackend.start(ThriftTransport.FRAMED, ThriftEncoding.COMPACT);
    ThriftListenerConfig listener = new ThriftListenerConfig("127.0.0.1", 0, Optional.of(EchoGateway.SERVICE),
        ThriftListenerConfig.DEFAULT_MAX_FRAME_BYTES, ThriftListenerConfig.DEFAULT_MAX_MESSAGE_BYTES, 16, Duration.ofMillis(IDLE_MILLIS));
    gateway = EchoGateway.start(EchoGateway.backend(backend.port()).encoding(ThriftEncoding.COMPACT).build(),
        RouteConfig.builder(EchoGateway.SERVICE, EchoGateway.BACKEND).timeout(Duration.ofSeconds(5)).build(), listener, List.of());
  }

  @AfterAll
  void stop() throws Exception {
    if (gateway != null) gateway.close();
    if (backend != null) backend.close();
  }

  @Test
  void aConnectionThatNeverSendsAnythingIsClosedAfterTheIdleTimeout() throws Exception {
    try (Socket s = new Socket(gateway.address().getAddress(), gateway.address().getPort())) {
      assertClosedWithinTheIdleWindow(s, System.nanoTime());
    }
  }

  @Test
  void aConnectionIdleAfterACallIsClosedAfterTheIdleTimeout() throws Exception {
    try (ThriftTestClient client = ThriftTestClient.connect(gateway.address(), CallerStyle.of(ThriftTransport.FRAMED, ThriftEncoding.BINARY))) {
      assertEquals("hello", text(client.call("echo", 1, Args.string(1, "hello")).success()));
      assertClosedWithinTheIdleWindow(client.socket(), System.nanoTime());
    }
  }

  @Test
  void aConnectionThatCallsEvery100MillisecondsForASecondStaysOpenAndEveryCallIsAnswered() throws Exception {
    try (ThriftTestClient client = ThriftTestClient.connect(gateway.address(), CallerStyle.of(ThriftTransport.BUFFERED, ThriftEncoding.COMPACT))) {
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        Answer a = client.call("echo", i, Args.string(1, "call " + i));
        assertEquals(i, a.header().seqid);
        assertEquals("call " + i, text(a.success()));
        Thread.sleep(100);
      }
      assertTrue((System.nanoTime() - start) / 1_000_000 >= 1000);
      assertEquals("last", text(client.call("echo", 10, Args.string(1, "last")).success()));
    }
  }

  @Test
  void aCallThatTakesLongerThanTheIdleTimeoutAtTheBackendStillGetsItsReply() throws Exception {
    try (ThriftTestClient client = ThriftTestClient.connect(gateway.address(), CallerStyle.of(ThriftTransport.FRAMED, ThriftEncoding.COMPACT))) {
      long start = System.nanoTime();
      Answer slept = client.call("sleep", 41, Args.i32(1, 3 * IDLE_MILLIS));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(TMessageType.REPLY, slept.header().type);
      assertEquals("sleep", slept.header().name);
      assertEquals(41, slept.header().seqid);
      assertNull(slept.error());
      assertEquals(Map.of(), slept.result());
      assertTrue(millis >= 3 * IDLE_MILLIS, "answered after " + millis + "ms");
      assertEquals("awake", text(client.call("echo", 42, Args.string(1, "awake")).success()));
    }
  }

  /** Callers that stall in the middle of a message: slowloris. */
  static Stream<Arguments> halfMessages() {
    return Stream.of(
        Arguments.of("half a frame", new byte[] {0, 0, 0, 40, (byte) 0x80, 1, 0, 1, 0, 0, 0, 4, 'e', 'c'}),
        Arguments.of("half an unframed strict binary message", new byte[] {(byte) 0x80, 1, 0, 1, 0, 0, 0, 4, 'e', 'c'}),
        Arguments.of("half an unframed compact message", new byte[] {(byte) 0x82, 0x21, 0x01, 0x04, 'e', 'c'}),
        Arguments.of("half an unframed message's arguments", new byte[] {(byte) 0x82, 0x21, 0x01, 0x04, 'e', 'c', 'h', 'o', 0x18, 0x10, 'h'}),
        Arguments.of("three bytes, too few to tell the transport", new byte[] {0, 0, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("halfMessages")
  void aCallerThatStallsInTheMiddleOfAMessageIsClosedAfterTheIdleTimeout(String name, byte[] bytes) throws Exception {
    try (Socket s = new Socket(gateway.address().getAddress(), gateway.address().getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(bytes);
      out.flush();
      assertClosedWithinTheIdleWindow(s, System.nanoTime());
    }
  }

  /** The gateway closes {@code s} with no answer between the idle timeout and a generous bound after {@code since}. */
  private static void assertClosedWithinTheIdleWindow(Socket s, long since) throws IOException {
    s.setSoTimeout(10_000);
    assertEquals(-1, s.getInputStream().read());
    long millis = (System.nanoTime() - since) / 1_000_000;
    assertTrue(millis >= IDLE_MILLIS - 50 && millis <= LATEST_CLOSE_MILLIS, "closed after " + millis + "ms");
  }
}
