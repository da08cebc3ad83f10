package dev.polyglot.gateway.config;

import java.util.Objects;

/**
 * The gRPC listener (HTTP/2, plaintext).
 *
 * @param maxMessageBytes largest request message accepted
 */
public record GrpcListenerConfig(String host, int port, long maxMessageBytes) {
  public static final int DEFAULT_PORT = 50051;
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 4L << 20;

  public GrpcListenerConfig {
    Objects.requireNonNull(host, "host");
    ConfigChecks.port("port", port);
    ConfigChecks.positiveSize("max_message_size", maxMessageBytes);
  }

  public static GrpcListenerConfig of(String host, int port) {
    return new GrpcListenerConfig(host, port, DEFAULT_MAX_MESSAGE_BYTES);
  }
}
