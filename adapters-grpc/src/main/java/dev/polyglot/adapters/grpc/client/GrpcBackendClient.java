package dev.polyglot.adapters.grpc.client;

import dev.polyglot.adapters.grpc.common.ByteArrayMarshaller;
import dev.polyglot.adapters.grpc.common.EventLoops;
import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.translate.WireFormat;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import java.util.Locale;

/**
 * A client of one gRPC backend: one {@link ManagedChannel} per shared event loop ({@link EventLoops}),
 * each over all of the backend's endpoints, plaintext HTTP/2, balanced {@code round_robin} (each
 * endpoint one subchannel); so a backend sees up to one connection per endpoint and gateway core. The channel connects
 * lazily, on the first call, so a backend that is down does not stop a route from being compiled; calls
 * fail fast with {@code UNAVAILABLE} while no endpoint is reachable.
 *
 * <p>No retries: the channel is built with {@code disableRetry()}; a failed call is answered with its
 * status, never sent again by the channel's retry policy.
 *
 * <p>Threading: a channel runs its callbacks on its Netty event loop ({@code directExecutor()}), so
 * the futures returned by {@link BackendMethod#call} complete there, and stages chained to them without
 * an executor (translation of the reply, the caller's reply write) run there too: they must not block.
 *
 * <p>Thread-safe: one instance serves every route naming the backend. {@link #close()} shuts the
 * channel down gracefully: calls in flight complete, later calls get {@code UNAVAILABLE}.
 */
public final class GrpcBackendClient implements Backend {
  /** Largest reply accepted; the gateway holds whole messages in memory. */
  static final int MAX_REPLY_BYTES = 64 << 20;

  private final BackendConfig config;
  private final EventLoops loops;
  /** One channel per shared event loop, index for index. */
  private final ManagedChannel[] channels;
  private volatile boolean closed;

  private GrpcBackendClient(BackendConfig config) {
    this.config = config;
    this.loops = EventLoops.shared();
    this.channels = new ManagedChannel[loops.size()];
    for (int i = 0; i < channels.length; i++) channels[i] = newChannel(config, loops, i);
  }

  private static ManagedChannel newChannel(BackendConfig config, EventLoops loops, int loop) {
    return NettyChannelBuilder.forTarget(EndpointsNameResolverProvider.target(config.endpoints()))
        // This channel's connections live on one loop: calls made on that loop stay on it (EventLoops).
        .eventLoopGroup(loops.loop(loop))
        .channelType(loops.channelType())
        .usePlaintext()
        .defaultLoadBalancingPolicy("round_robin")
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis())))
        .maxInboundMessageSize(MAX_REPLY_BYTES)
        .userAgent("polyglot-gateway")
        // The gateway never retries a call itself; grpc-java's retry support would still wrap every
        // call in a RetriableStream (buffering the request) for nothing.
        .disableRetry()
        // Reply callbacks only complete a future (UnaryBackendMethod.ReplyListener): no need to hop to
        // an application thread and back. See the class note for what this means for reply stages.
        .directExecutor()
        .build();
  }

  /**
   * @throws IllegalArgumentException when {@code config} is not a gRPC backend
   */
  public static GrpcBackendClient of(BackendConfig config) {
    if (config.protocol() != BackendProtocol.GRPC) {
      throw new IllegalArgumentException("backend " + config.name() + ": protocol " + config.protocol().configName() + " (expected: grpc)");
    }
    return new GrpcBackendClient(config);
  }

  public BackendConfig config() {
    return config;
  }

  @Override
  public WireFormat format() {
    return WireFormat.PROTOBUF;
  }

  /**
   * Builds the method descriptor {@code <service qualified name>/<method name>} once. The schema is not
   * needed: a gRPC backend's errors arrive already typed ({@code google.rpc.Status} details).
   *
   * @throws IllegalArgumentException for a Thrift service or a streaming method
   */
  @Override
  public BackendMethod bind(Schema schema, ServiceDef service, MethodDef method) {
    if (service.idl() != IdlKind.PROTO) {
      throw new IllegalArgumentException("gRPC backend " + config.name() + " cannot serve " + service.qualifiedName()
          + ": it is a Thrift service (expected: a proto service)");
    }
    if (method.streaming() != StreamingKind.UNARY) {
      throw new IllegalArgumentException("gRPC backend " + config.name() + ": method " + service.qualifiedName() + "/" + method.name() + " is "
          + method.streaming().name().toLowerCase(Locale.ROOT).replace('_', '-') + " (expected: unary)");
    }
    return new UnaryBackendMethod(this, ByteArrayMarshaller.unary(service.qualifiedName() + "/" + method.name()));
  }

  /**
   * The channel of the event loop the current thread runs, so that the call and its reply stay on it;
   * from any other thread (a Thrift or HTTP caller's) the first one, so that such calls share one
   * round-robin over the endpoints. Channels connect on their first call: one that no loop uses
   * opens no connection.
   */
  ManagedChannel channel() {
    int i = loops.currentIndex();
    return channels[Math.max(i, 0)];
  }

  boolean isClosed() {
    return closed;
  }

  String name() {
    return config.name();
  }

  /** Each call carries its deadline as a gRPC deadline, which the channel enforces (and the backend sees). */
  @Override
  public boolean enforcesDeadline() {
    return true;
  }

  @Override
  public void close() {
    closed = true;
    for (ManagedChannel c : channels) c.shutdown();
  }

  @Override
  public String toString() {
    return "GrpcBackendClient[" + config.name() + " " + config.endpoints() + "]";
  }
}
