package dev.polyglot.gateway;

import dev.polyglot.gateway.pipeline.CallDispatcher;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * An inbound edge for one protocol (HTTP, Thrift, gRPC), written by its adapter, started and stopped
 * by the {@link Gateway}. It decodes callers' calls, hands them to the dispatcher and encodes the
 * replies in its own protocol.
 */
public interface Listener {
  /** Short name for logs: {@code http}, {@code thrift}, {@code grpc}. */
  String name();

  /** Binds and starts accepting; returns once the port is bound. */
  void start(CallDispatcher dispatcher) throws IOException;

  /** The bound address (after {@link #start}; with port 0 configured, the port actually taken). */
  InetSocketAddress address();

  /** Stops accepting connections and calls; calls already received may complete. Idempotent. */
  void stopAccepting();

  /** Closes every connection and releases the port. Idempotent. */
  void close();
}
