package dev.polyglot.gateway.config;

/** Thrift protocol (encoding) toward a Thrift backend. */
public enum ThriftEncoding {
  /** {@code TBinaryProtocol}, strict. */
  BINARY,
  /** {@code TCompactProtocol}. */
  COMPACT
}
