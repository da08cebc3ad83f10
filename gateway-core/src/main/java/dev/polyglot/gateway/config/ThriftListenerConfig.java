package dev.polyglot.gateway.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The Thrift listener: one port; transport and protocol are detected per connection.
 *
 * @param service the service of callers that do not use {@code TMultiplexedProtocol}
 * @param maxFrameBytes largest frame accepted from a framed-transport caller
 * @param maxMessageBytes largest message accepted from a buffered-transport caller
 */
public record ThriftListenerConfig(String host, int port, Optional<String> service, long maxFrameBytes, long maxMessageBytes) {
  public static final int DEFAULT_PORT = 9090;
  public static final long DEFAULT_MAX_FRAME_BYTES = 16L << 20;
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 16L << 20;

  public ThriftListenerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(service, "service");
    ConfigChecks.port("port", port);
    ConfigChecks.positiveSize("max_frame_size", maxFrameBytes);
    ConfigChecks.positiveSize("max_message_size", maxMessageBytes);
  }

  public static ThriftListenerConfig of(String host, int port, String service) {
    return new ThriftListenerConfig(host, port, Optional.ofNullable(service), DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_MESSAGE_BYTES);
  }
}
