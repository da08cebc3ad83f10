package dev.polyglot.adapters.thrift.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.polyglot.adapters.thrift.testing.CallerStyle;
import dev.polyglot.adapters.thrift.testing.EchoGateway;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Answer;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Args;
import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import dev.polyglot.gateway.config.ThriftTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.protocol.TMessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A listener with no default service, routing to a backend that is down from the start: the route
 * still compiles (the client connects lazily), multiplexed callers get the backend's unavailability
 * as a TApplicationException, and plain callers are told how to name a service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenerWithoutDefaultServiceTest {
  private static final CallerStyle CALLER = CallerStyle.of(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
  private EchoGateway gateway;

  @BeforeAll
  void start() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    gateway = EchoGateway.start(EchoGateway.backend(deadPort).build(), Optional.empty(),
        ThriftListenerConfig.DEFAULT_MAX_FRAME_BYTES, ThriftListenerConfig.DEFAULT_MAX_MESSAGE_BYTES);
  }

  @AfterAll
  void stop() {
    if (gateway != null) gateway.close();
  }

  @Test
  void aDeadBackendIsAnInternalErrorWithTheUnavailableMessage() throws Exception {
    try (ThriftTestClient client = ThriftTestClient.connect(gateway.address(), CALLER)) {
      client.sendMultiplexed(EchoGateway.SERVICE, "echo", TMessageType.CALL, 0x7fffffff, Args.string(1, "anyone?"));
      Answer a = client.receive();
      assertEquals(TMessageType.EXCEPTION, a.header().type);
      assertEquals(0x7fffffff, a.header().seqid);
      assertEquals(TApplicationException.INTERNAL_ERROR, a.error().getType());
      assertEquals("backend echo-backend is unavailable", a.error().getMessage());
    }
  }

  @Test
  void aOnewayCallToADeadBackendIsDroppedSilentlyAndTheConnectionGoesOn() throws Exception {
    try (ThriftTestClient client = ThriftTestClient.connect(gateway.address(), CALLER)) {
      client.sendMultiplexed(EchoGateway.SERVICE, "log", TMessageType.ONEWAY, 5, Args.string(1, "lost"));
      client.sendMultiplexed(EchoGateway.SERVICE, "ping", TMessageType.CALL, 6, Args.NONE);
      Answer a = client.receive();
      assertEquals(6, a.header().seqid);
      assertEquals("backend echo-backend is unavailable", a.error().getMessage());
      assertFalse(client.anythingArrivesWithin(200));
    }
  }

  @Test
  void aPlainMethodNameWithoutADefaultServiceIsUnknownMethodSayingHowToNameTheService() throws Exception {
    try (ThriftTestClient client = ThriftTestClient.connect(gateway.address(), CALLER)) {
      Answer a = client.call("echo", -5, Args.string(1, "x"));
      assertEquals(-5, a.header().seqid);
      assertEquals(TApplicationException.UNKNOWN_METHOD, a.error().getType());
      assertEquals("no service for method echo: call as Service:echo with TMultiplexedProtocol, or set listeners.thrift.service",
          a.error().getMessage());
    }
  }
}
