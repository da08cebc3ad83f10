package dev.polyglot.adapters.grpc.testing;

import dev.polyglot.adapters.grpc.client.GrpcBackendFactory;
import dev.polyglot.adapters.grpc.server.GrpcListener;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.pipeline.CallFilter;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway (embedded route table, the default pass-through translators) with a
 * {@link GrpcListener} on {@code 127.0.0.1:0} and two pass-through routes from the test proto:
 * {@code EchoService} to a running {@link EchoBackend} named {@code echo} (route timeout
 * {@link #ROUTE_TIMEOUT}), and {@code DarkService} to backend {@code dark}, a port nothing listens on.
 */
public final class GatewayFixture implements AutoCloseable {
  public static final String ECHO_SERVICE = "polyglot.grpctest.v1.EchoService";
  public static final String DARK_SERVICE = "polyglot.grpctest.v1.DarkService";
  public static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(2);
  /** The folder the test protos are loaded from (module-relative, as Maven runs tests). */
  public static final Path PROTO_ROOT = Path.of("src/test/proto");

  public final EchoBackend echo;
  public final Gateway gateway;
  public final GrpcListener listener;

  private GatewayFixture(EchoBackend echo, Gateway gateway, GrpcListener listener) {
    this.echo = echo;
    this.gateway = gateway;
    this.listener = listener;
  }

  public static GatewayFixture start() throws IOException, InterruptedException {
    return start(List.of());
  }

  /** As {@link #start()}, with {@code filters} first in the gateway's pipeline. */
  public static GatewayFixture start(List<CallFilter> filters) throws IOException, InterruptedException {
    EchoBackend echo = EchoBackend.start("echo");
    GatewayConfig config = GatewayConfig.builder()
        .baseDirectory(PROTO_ROOT)
        .idl(PROTO_ROOT.resolve("polyglot/grpctest/v1"))
        .listeners(ListenersConfig.NONE)
        .backend(BackendConfig.builder("echo", BackendProtocol.GRPC).endpoint("127.0.0.1", echo.port()).build())
        .backend(BackendConfig.builder("dark", BackendProtocol.GRPC).endpoint("127.0.0.1", unusedPort()).build())
        .route(RouteConfig.builder(ECHO_SERVICE, "echo").timeout(ROUTE_TIMEOUT).build())
        .route(RouteConfig.of(DARK_SERVICE, "dark"))
        .shutdownGracePeriod(Duration.ofSeconds(1))
        .build();
    GrpcListener listener = GrpcListener.of(GrpcListenerConfig.of("127.0.0.1", 0));
    Gateway.Builder builder = Gateway.builder(config).backendFactory(GrpcBackendFactory.of()).listener(listener);
    for (CallFilter f : filters) builder.filter(f);
    Gateway gateway = builder.build();
    try {
      gateway.start();
    } catch (IOException | RuntimeException e) {
      echo.close();
      throw e;
    }
    return new GatewayFixture(echo, gateway, listener);
  }

  /** A port that was free a moment ago: connections to it are refused. */
  public static int unusedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A new plaintext channel to the gateway's gRPC port; the caller shuts it down. */
  public ManagedChannel newChannel() {
    return NettyChannelBuilder.forAddress("127.0.0.1", listener.address().getPort()).usePlaintext().build();
  }

  public static void shutdown(ManagedChannel channel) throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    gateway.close();
    echo.close();
  }
}
