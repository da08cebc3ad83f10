package dev.polyglot.conformance.reference;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Starts the reference backends of the interop service ({@code idl/interop.thrift} and
 * {@code idl/interop.proto}): the same behaviour over gRPC and over Thrift, so that the conformance
 * cases and the gateway's end-to-end tests can run against either. Each call starts an independent
 * server with its own event log; the caller owns the returned handle and must close it.
 */
public final class ReferenceBackends {
  /** Large enough for the 1 MiB payload cases with room to spare. */
  private static final int MAX_GRPC_MESSAGE_BYTES = 64 * 1024 * 1024;

  private ReferenceBackends() {}

  /** The gRPC backend on 127.0.0.1:{@code port} (0 picks a free port; see {@link RunningBackend#port()}). */
  public static RunningBackend startGrpc(int port) {
    return startGrpc(new InetSocketAddress(InetAddress.getLoopbackAddress(), checkPort(port)));
  }

  /** The gRPC backend (plaintext HTTP/2) on {@code address}. */
  public static RunningBackend startGrpc(InetSocketAddress address) {
    List<String> events = new CopyOnWriteArrayList<>();
    Server server = NettyServerBuilder.forAddress(Objects.requireNonNull(address, "address"))
        .addService(new GrpcInteropService(events))
        .maxInboundMessageSize(MAX_GRPC_MESSAGE_BYTES)
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the gRPC reference backend on " + address, e);
    }
    return new GrpcBackend(server, events);
  }

  /** The Thrift backend on 127.0.0.1:{@code port} (0 picks a free port), with one transport and encoding. */
  public static RunningBackend startThrift(int port, ThriftTransport transport, ThriftEncoding encoding) {
    return startThrift(new InetSocketAddress(InetAddress.getLoopbackAddress(), checkPort(port)), transport, encoding);
  }

  /** The Thrift backend on {@code address}, with one transport and encoding. */
  public static RunningBackend startThrift(InetSocketAddress address, ThriftTransport transport,
      ThriftEncoding encoding) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(encoding, "encoding");
    try {
      return new ThriftSocketServer(address, transport, encoding, new CopyOnWriteArrayList<>());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Thrift reference backend on " + address, e);
    }
  }

  private static int checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
    }
    return port;
  }

  private static final class GrpcBackend implements RunningBackend {
    private final Server server;
    private final List<String> events;

    GrpcBackend(Server server, List<String> events) {
      this.server = server;
      this.events = events;
    }

    @Override
    public int port() {
      return server.getPort();
    }

    @Override
    public List<String> loggedEvents() {
      return List.copyOf(events);
    }

    @Override
    public void close() {
      server.shutdownNow();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public String toString() {
      return "gRPC reference backend on port " + port();
    }
  }
}
