package dev.polyglot.gateway.config;

import java.util.Objects;

/** A {@code host:port} address; IPv6 hosts are written in brackets ({@code [::1]:50061}). */
public record Endpoint(String host, int port) {

  public Endpoint {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) throw new IllegalArgumentException("host: empty (expected: a host name or address)");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
  }

  public static Endpoint of(String host, int port) {
    return new Endpoint(host, port);
  }

  /**
   * Parses {@code host:port} or {@code [v6addr]:port}.
   *
   * @throws IllegalArgumentException naming the bad text and the expected form
   */
  public static Endpoint parse(String text) {
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    int port = -1;
    if (colon >= 0) {
      String digits = text.substring(colon + 1);
      if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) port = Integer.parseInt(digits);
    }
    if (host.isEmpty() || host.contains(" ") || port < 1 || port > 65535) {
      throw new IllegalArgumentException(text + " (expected: host:port with port 1-65535)");
    }
    return new Endpoint(host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
