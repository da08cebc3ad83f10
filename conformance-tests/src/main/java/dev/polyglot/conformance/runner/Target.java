package dev.polyglot.conformance.runner;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the cases are sent: {@code thrift://HOST:PORT}, {@code grpc://HOST:PORT} or
 * {@code http://HOST:PORT} — a backend, or a gateway listener.
 */
public record Target(Protocol protocol, String host, int port) {
  public enum Protocol { THRIFT, GRPC, HTTP }

  public Target {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port: " + port + " (expected: 1-65535)");
  }

  /** @throws IllegalArgumentException saying what is wrong with {@code url} and what is expected */
  public static Target parse(String url) {
    String expected = " (expected: thrift://HOST:PORT, grpc://HOST:PORT or http://HOST:PORT)";
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(url + expected);
    }
    if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) throw new IllegalArgumentException(url + expected);
    Protocol p;
    try {
      p = Protocol.valueOf(uri.getScheme().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(url + ": unknown scheme " + uri.getScheme() + expected);
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IllegalArgumentException(url + ": has a path" + expected);
    }
    return new Target(p, uri.getHost(), uri.getPort());
  }

  @Override
  public String toString() {
    return protocol.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
  }
}
