package dev.polyglot.adapters.thrift.testing;

import dev.polyglot.adapters.thrift.client.ThriftBackendFactory;
import dev.polyglot.adapters.thrift.server.ThriftListener;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.ClusterConfig;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import dev.polyglot.gateway.pipeline.CallFilter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A real gateway (gateway-core's {@link Gateway}, embedded single-member route table) with a
 * {@link ThriftListener} on 127.0.0.1:0 and a pass-through route {@code echo.Echo} → {@code echo.Echo}
 * on the given Thrift backend, through {@link ThriftBackendFactory}.
 */
public final class EchoGateway implements AutoCloseable {
  public static final String SERVICE = "echo.Echo";
  public static final String BACKEND = "echo-backend";

  private final Gateway gateway;
  private final ThriftListener listener;

  private EchoGateway(Gateway gateway, ThriftListener listener) {
    this.gateway = gateway;
    this.listener = listener;
  }

  public static BackendConfig.Builder backend(int port) {
    return BackendConfig.builder(BACKEND, dev.polyglot.gateway.config.BackendProtocol.THRIFT).endpoint("127.0.0.1", port);
  }

  public static EchoGateway start(BackendConfig backend, long maxFrameBytes, long maxMessageBytes) throws IOException {
    return start(backend, Optional.of(SERVICE), maxFrameBytes, maxMessageBytes);
  }

  /** @param defaultService the listener's service for callers that do not multiplex */
  public static EchoGateway start(BackendConfig backend, Optional<String> defaultService, long maxFrameBytes, long maxMessageBytes)
      throws IOException {
    return start(backend, RouteConfig.of(SERVICE, BACKEND), defaultService, maxFrameBytes, maxMessageBytes);
  }

  public static EchoGateway start(BackendConfig backend, RouteConfig route, Optional<String> defaultService, long maxFrameBytes,
      long maxMessageBytes) throws IOException {
    return start(backend, route, defaultService, maxFrameBytes, maxMessageBytes, List.of());
  }

  /** As above, with {@code filters} first in the gateway's pipeline. */
  public static EchoGateway start(BackendConfig backend, RouteConfig route, Optional<String> defaultService, long maxFrameBytes,
      long maxMessageBytes, List<CallFilter> filters) throws IOException {
    return start(backend, route, new ThriftListenerConfig("127.0.0.1", 0, defaultService, maxFrameBytes, maxMessageBytes), filters);
  }

  /** With the listener configured in full ({@code listener}'s host and port are used as given: use 127.0.0.1 and 0). */
  public static EchoGateway start(BackendConfig backend, RouteConfig route, ThriftListenerConfig listenerConfig, List<CallFilter> filters)
      throws IOException {
    Path idl = echoIdl();
    GatewayConfig config = GatewayConfig.builder()
        .baseDirectory(idl.getParent())
        .idl(idl)
        .listeners(ListenersConfig.NONE)
        .backend(backend)
        .route(route)
        .cluster(new ClusterConfig("adapters-thrift-" + UUID.randomUUID(), "127.0.0.1", ClusterConfig.DEFAULT_PORT, List.of()))
        .shutdownGracePeriod(Duration.ofSeconds(1))
        .build();
    ThriftListener listener = ThriftListener.of(listenerConfig);
    Gateway.Builder builder = Gateway.builder(config).listener(listener).backendFactory(new ThriftBackendFactory());
    for (CallFilter f : filters) builder.filter(f);
    Gateway gateway = builder.build().start();
    return new EchoGateway(gateway, listener);
  }

  public static EchoGateway start(BackendConfig backend) throws IOException {
    return start(backend, ThriftListenerConfig.DEFAULT_MAX_FRAME_BYTES, ThriftListenerConfig.DEFAULT_MAX_MESSAGE_BYTES);
  }

  public static Path echoIdl() {
    try {
      return Path.of(EchoGateway.class.getResource("/echo.thrift").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public InetSocketAddress address() {
    return listener.address();
  }

  public ThriftListener listener() {
    return listener;
  }

  public Gateway gateway() {
    return gateway;
  }

  @Override
  public void close() {
    gateway.stop();
  }
}
