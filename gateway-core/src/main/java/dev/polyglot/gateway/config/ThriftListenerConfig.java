package dev.polyglot.gateway.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Thrift listener: one port; transport and protocol are detected per connection.
 *
 * @param service the service of callers that do not use {@code TMultiplexedProtocol}
 * @param maxFrameBytes largest frame accepted from a framed-transport caller
 * @param maxMessageBytes largest message accepted from a buffered-transport caller
 * @param maxConnections connections open at once; one more is accepted and closed without being read
 * @param idleTimeout how long a connection may send nothing, between messages or inside one, before it
 *     is closed; a call in progress at the backend is not idleness
 */
public record ThriftListenerConfig(String host, int port, Optional<String> service, long maxFrameBytes, long maxMessageBytes,
    int maxConnections, Duration idleTimeout) {
  public static final int DEFAULT_PORT = 9090;
  public static final long DEFAULT_MAX_FRAME_BYTES = 16L << 20;
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 16L << 20;
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

  public ThriftListenerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    ConfigChecks.port("port", port);
    ConfigChecks.positiveSize("max_frame_size", maxFrameBytes);
    ConfigChecks.positiveSize("max_message_size", maxMessageBytes);
    if (maxConnections < 1) throw new IllegalArgumentException("max_connections: " + maxConnections + " (expected: at least 1)");
    ConfigChecks.positive("idle_timeout", idleTimeout);
  }

  /** The limits of connections at their defaults ({@value #DEFAULT_MAX_CONNECTIONS} connections, 5 minutes idle). */
  public ThriftListenerConfig(String host, int port, Optional<String> service, long maxFrameBytes, long maxMessageBytes) {
    this(host, port, service, maxFrameBytes, maxMessageBytes, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT);
  }

  public static ThriftListenerConfig of(String host, int port, String service) {
    return new ThriftListenerConfig(host, port, Optional.ofNullable(service), DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_MESSAGE_BYTES);
  }

  /** This configuration with other connection limits. */
  public ThriftListenerConfig withConnectionLimits(int maxConnections, Duration idleTimeout) {
    return new ThriftListenerConfig(host, port, service, maxFrameBytes, maxMessageBytes, maxConnections, idleTimeout);
  }
}
