package dev.polyglot.adapters.thrift.testing;

import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;

/** How a test caller talks: transport, encoding and, for binary, whether it writes strict messages. */
public record CallerStyle(ThriftTransport transport, ThriftEncoding encoding, boolean strict) {
  public static CallerStyle of(ThriftTransport transport, ThriftEncoding encoding) {
    return new CallerStyle(transport, encoding, true);
  }

  public static CallerStyle nonStrict(ThriftTransport transport) {
    return new CallerStyle(transport, ThriftEncoding.BINARY, false);
  }

  @Override
  public String toString() {
    return transport.name().toLowerCase() + " " + (encoding == ThriftEncoding.BINARY && !strict ? "non-strict " : "") + encoding.name().toLowerCase();
  }
}
