package dev.polyglot.gateway.config;

import java.util.Objects;

/**
 * The HTTP/JSON listener.
 *
 * @param port 1-65535 in YAML; 0 (a free port) is accepted from code
 * @param maxBodyBytes larger request bodies are answered 413
 */
public record HttpListenerConfig(String host, int port, long maxBodyBytes) {
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 4L << 20;

  public HttpListenerConfig {
    Objects.requireNonNull(host, "host");
    ConfigChecks.port("port", port);
    ConfigChecks.positiveSize("max_body_size", maxBodyBytes);
  }

  public static HttpListenerConfig of(String host, int port) {
    return new HttpListenerConfig(host, port, DEFAULT_MAX_BODY_BYTES);
  }
}
