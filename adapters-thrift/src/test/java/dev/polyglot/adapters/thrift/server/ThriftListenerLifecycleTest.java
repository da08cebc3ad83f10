package dev.polyglot.adapters.thrift.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.thrift.testing.CallerStyle;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Answer;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Args;
import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import dev.polyglot.gateway.config.ThriftTransport;
import dev.polyglot.gateway.pipeline.CallDispatcher;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.gateway.route.Router;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.Test;

/** Binding, stopping and closing a {@link ThriftListener} on its own, over a dispatcher with no routes. */
class ThriftListenerLifecycleTest {
  private static final CallerStyle CALLER = CallerStyle.of(ThriftTransport.BUFFERED, ThriftEncoding.BINARY);

  /** No routes: every call is unknown, which is all these tests need. */
  private static final CallDispatcher NO_ROUTES = new CallDispatcher() {
    private final Router router = new Router(() -> RouteSnapshot.EMPTY);

    @Override
    public Router router() {
      return router;
    }

    @Override
    public CompletableFuture<Reply> dispatch(RouteMethod method, Call call) {
      throw new AssertionError("no route can resolve");
    }
  };

  @Test
  void portZeroBindsAFreePortAndAnUnroutedServiceIsUnknown() throws Exception {
    ThriftListener listener = ThriftListener.of(ThriftListenerConfig.of("127.0.0.1", 0, "echo.Echo"));
    listener.start(NO_ROUTES);
    try (ThriftTestClient client = ThriftTestClient.connect(listener.address(), CALLER)) {
      assertTrue(listener.address().getPort() > 0);
      assertEquals("thrift", listener.name());
      Answer a = client.call("echo", 9, Args.string(1, "x"));
      assertEquals(TApplicationException.UNKNOWN_METHOD, a.error().getType());
      assertEquals("unknown service echo.Echo", a.error().getMessage());
    } finally {
      listener.close();
    }
  }

  @Test
  void stopAcceptingRefusesNewConnectionsAndCloseEndsOpenOnes() throws Exception {
    ThriftListener listener = ThriftListener.of(ThriftListenerConfig.of("127.0.0.1", 0, "echo.Echo"));
    listener.start(NO_ROUTES);
    ThriftTestClient open = ThriftTestClient.connect(listener.address(), CALLER);
    open.call("echo", 1, Args.NONE);
    assertEquals(1, listener.openConnections());
    listener.stopAccepting();
    assertThrows(ConnectException.class, () -> new Socket(listener.address().getAddress(), listener.address().getPort()).close());
    listener.close();
    listener.close();
    TTransportException closed = assertThrows(TTransportException.class, () -> open.call("echo", 2, Args.NONE));
    assertTrue(closed.getType() == TTransportException.END_OF_FILE || closed.getType() == TTransportException.UNKNOWN, "type " + closed.getType());
    open.close();
  }

  @Test
  void aPortInUseFailsStartWithTheAddressAndTheReason() throws Exception {
    ThriftListener first = ThriftListener.of(ThriftListenerConfig.of("127.0.0.1", 0, null));
    first.start(NO_ROUTES);
    try {
      int port = first.address().getPort();
      ThriftListener second = ThriftListener.of(ThriftListenerConfig.of("127.0.0.1", port, null));
      IOException e = assertThrows(IOException.class, () -> second.start(NO_ROUTES));
      assertEquals("thrift listener: cannot bind 127.0.0.1:" + port + " (Address already in use)", e.getMessage());
      IllegalStateException twice = assertThrows(IllegalStateException.class, () -> first.start(NO_ROUTES));
      assertEquals("thrift listener already started on " + first.address(), twice.getMessage());
    } finally {
      first.close();
    }
  }
}
