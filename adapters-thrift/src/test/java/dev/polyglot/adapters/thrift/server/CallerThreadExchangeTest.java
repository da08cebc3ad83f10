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
import dev.polyglot.gateway.pipeline.CallFilter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.thrift.protocol.TMessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Thrift caller's two-way call to a Thrift backend runs the backend exchange on the caller's own
 * connection thread (no hand-off to the backend client's threads and back), while a oneway message
 * still does not hold up the connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerThreadExchangeTest {
  private static final CallerStyle CALLER = CallerStyle.of(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
  /** Names of the threads on which replies completed, as a filter first in the pipeline saw them. */
  private final Set<String> replyThreads = ConcurrentHashMap.newKeySet();
  private EchoBackend backend;
  private EchoGateway gateway;

  @BeforeAll
  void start() throws Exception {
    backend = EchoBackend.start(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    CallFilter watch = (call, chain) -> chain.proceed(call).whenComplete((r, t) -> replyThreads.add(Thread.currentThread().getName()));
    gateway = EchoGateway.start(EchoGateway.backend(backend.port()).build(), RouteConfig.of(EchoGateway.SERVICE, EchoGateway.BACKEND),
        Optional.of(EchoGateway.SERVICE), ThriftListenerConfig.DEFAULT_MAX_FRAME_BYTES, ThriftListenerConfig.DEFAULT_MAX_MESSAGE_BYTES,
        List.of(watch));
  }

  @AfterAll
  void stop() throws Exception {
    if (gateway != null) gateway.close();
    if (backend != null) backend.close();
  }

  @BeforeEach
  void forget() {
    replyThreads.clear();
  }

  @Test
  void twoWayCallsCompleteOnTheCallersConnectionThread() throws Exception {
    try (ThriftTestClient a = ThriftTestClient.connect(gateway.address(), CALLER);
        ThriftTestClient b = ThriftTestClient.connect(gateway.address(), CALLER)) {
      for (int i = 0; i < 10; i++) {
        Answer fromA = a.call("echo", i, Args.string(1, "a" + i));
        Answer fromB = b.call("echo", 100 + i, Args.string(1, "b" + i));
        assertEquals("a" + i, text(fromA.success()));
        assertEquals("b" + i, text(fromB.success()));
      }
    }
    assertEquals(2, replyThreads.size(), replyThreads.toString());
    for (String name : replyThreads) assertTrue(name.startsWith("thrift-connection-"), "reply completed on " + name);
  }

  @Test
  void aOnewayMessageDoesNotHoldUpTheNextCallOnItsConnection() throws Exception {
    try (ThriftTestClient client = ThriftTestClient.connect(gateway.address(), CALLER)) {
      long start = System.nanoTime();
      // sleep is a two-way method sent as a oneway message: nobody waits for its reply.
      client.send("sleep", TMessageType.ONEWAY, 1, Args.i32(1, 1500));
      Answer echo = client.call("echo", 2, Args.string(1, "next"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(2, echo.header().seqid);
      assertEquals("next", text(echo.success()));
      assertTrue(millis < 1000, "the call after a oneway message was answered after " + millis + " ms");
    }
  }

  @Test
  void framesOfEverySizeInTurnOnOneConnectionGetTheirOwnReplies() throws Exception {
    // Below, at and above the connection's reused frame buffer (4 KiB growing to 64 KiB), in an order
    // that shrinks and grows it: a reply built from a stale buffer would show up as wrong text.
    int[] sizes = {10, 5_000, 70_000, 300, 65_000, 66_000, 1, 20_000};
    try (ThriftTestClient client = ThriftTestClient.connect(gateway.address(), CALLER)) {
      for (int i = 0; i < sizes.length; i++) {
        String text = String.valueOf((char) ('a' + i)).repeat(sizes[i]);
        Answer a = client.call("echo", i, Args.string(1, text));
        assertEquals(i, a.header().seqid);
        assertEquals(text, text(a.success()), "echo of " + sizes[i] + " characters");
      }
    }
  }
}
