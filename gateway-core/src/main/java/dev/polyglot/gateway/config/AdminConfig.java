package dev.polyglot.gateway.config;

import java.util.Objects;

/** The admin HTTP API (routes, backends, IDLs, cache statistics). Loopback-only unless told otherwise. */
public record AdminConfig(String host, int port) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9901;
  public static final AdminConfig DEFAULT = new AdminConfig(DEFAULT_HOST, DEFAULT_PORT);

  public AdminConfig {
    Objects.requireNonNull(host, "host");
    ConfigChecks.port("port", port);
  }
}
