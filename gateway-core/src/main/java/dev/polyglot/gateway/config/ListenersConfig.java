package dev.polyglot.gateway.config;

import java.util.Objects;
import java.util.Optional;

/** The inbound listeners to start; an absent one is not started. */
public record ListenersConfig(Optional<HttpListenerConfig> http, Optional<ThriftListenerConfig> thrift, Optional<GrpcListenerConfig> grpc) {
  public static final String DEFAULT_HOST = "0.0.0.0";

  /** What an absent {@code listeners:} key means: all three on their default ports. */
  public static final ListenersConfig DEFAULT = new ListenersConfig(
      Optional.of(HttpListenerConfig.of(DEFAULT_HOST, HttpListenerConfig.DEFAULT_PORT)),
      Optional.of(ThriftListenerConfig.of(DEFAULT_HOST, ThriftListenerConfig.DEFAULT_PORT, null)),
      Optional.of(GrpcListenerConfig.of(DEFAULT_HOST, GrpcListenerConfig.DEFAULT_PORT)));

  public static final ListenersConfig NONE = new ListenersConfig(Optional.empty(), Optional.empty(), Optional.empty());

  public ListenersConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(thrift, "thrift");
    Objects.requireNonNull(grpc, "grpc");
  }
}
