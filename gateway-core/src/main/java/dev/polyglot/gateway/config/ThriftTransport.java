package dev.polyglot.gateway.config;

/** Thrift transport toward a Thrift backend. */
public enum ThriftTransport {
  /** Each message is preceded by its 4-byte length ({@code TFramedTransport}). */
  FRAMED,
  /** Messages follow each other on the stream ({@code TSocket} without framing). */
  BUFFERED
}
