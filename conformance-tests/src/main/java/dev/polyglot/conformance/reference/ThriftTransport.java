package dev.polyglot.conformance.reference;

/** How Thrift messages are delimited on a connection. */
public enum ThriftTransport {
  /** Each message is preceded by its 4-byte big-endian length ({@code TFramedTransport}). */
  FRAMED,
  /** Messages follow each other on the raw stream ({@code TSocket} alone). */
  BUFFERED
}
