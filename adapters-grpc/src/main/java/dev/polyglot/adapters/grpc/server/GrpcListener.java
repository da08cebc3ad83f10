package dev.polyglot.adapters.grpc.server;

import dev.polyglot.gateway.Listener;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import dev.polyglot.gateway.pipeline.CallDispatcher;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import dev.polyglot.adapters.grpc.common.EventLoops;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gRPC edge: a grpc-java Netty server, plaintext HTTP/2, with no generated stubs. Every unary
 * method of every routed proto service is served through a fallback registry that resolves names
 * against the route snapshot being served; requests and replies stay bytes ({@code PROTOBUF}) end to
 * end. Also serves server reflection (v1 and v1alpha) over the snapshot's proto files and the standard
 * health service ({@code SERVING} while started, {@code NOT_SERVING} from {@link #stopAccepting()}).
 *
 * <p>Lifecycle: {@link #start} once, then {@link #stopAccepting()} and {@link #close()}, from one
 * thread. The rest is thread-safe.
 */
public final class GrpcListener implements Listener {
  /** How long {@link #close()} waits for the server's threads after cancelling what is left. */
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final GrpcListenerConfig config;
  private final HealthStatusManager health = new HealthStatusManager();
  private final AtomicBoolean terminal = new AtomicBoolean();
  private Server server;

  private GrpcListener(GrpcListenerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A listener for {@code listeners.grpc} of the configuration (host, port, max_message_size). */
  public static GrpcListener of(GrpcListenerConfig config) {
    return new GrpcListener(config);
  }

  public GrpcListenerConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "grpc";
  }

  @Override
  public void start(CallDispatcher dispatcher) throws IOException {
    if (server != null) throw new IllegalStateException("the grpc listener is already started");
    SnapshotReflectionService reflection = new SnapshotReflectionService(dispatcher.router());
    EventLoops loops = EventLoops.shared();
    Server s = NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
        // The loops the gRPC backend clients use too: see EventLoops for the thread affinity this buys.
        .bossEventLoopGroup(loops.group())
        .workerEventLoopGroup(loops.group())
        .channelType(loops.serverChannelType())
        .fallbackHandlerRegistry(new RouteHandlerRegistry(dispatcher))
        .addService(health.getHealthService())
        .addService(reflection)
        .addService(reflection.v1alpha())
        // Calls run on the event loop that read them: the pipeline never blocks there (a Thrift
        // backend's exchange moves to its client's threads), so a hand-off would only add a thread
        // wake-up to every call, and a gRPC backend's channel for this loop is used (EventLoops).
        .directExecutor()
        .maxInboundMessageSize(Math.toIntExact(Math.min(Integer.MAX_VALUE, config.maxMessageBytes())))
        .build();
    try {
      s.start();
    } catch (IOException e) {
      throw new IOException("grpc listener: cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    server = s;
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
  }

  @Override
  public InetSocketAddress address() {
    if (server == null) throw new IllegalStateException("the grpc listener is not started");
    return (InetSocketAddress) server.getListenSockets().get(0);
  }

  /**
   * Health turns {@code NOT_SERVING} (callers watching health are told at once), then the server stops
   * taking new connections and calls; calls already received complete.
   */
  @Override
  public void stopAccepting() {
    enterTerminalHealthOnce();
    if (server != null) server.shutdown();
  }

  @Override
  public void close() {
    enterTerminalHealthOnce();
    if (server == null) return;
    server.shutdownNow();
    try {
      server.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * HealthStatusManager logs a WARNING with a stack trace when told a second time, and a gateway's
   * stop calls {@link #stopAccepting()} then {@link #close()}: only the first call may reach it.
   */
  private void enterTerminalHealthOnce() {
    if (terminal.compareAndSet(false, true)) health.enterTerminalState();
  }

  @Override
  public String toString() {
    return "GrpcListener[" + config.host() + ":" + config.port() + "]";
  }
}
