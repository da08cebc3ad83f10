package dev.polyglot.conformance.reference;

/** How Thrift values are encoded. */
public enum ThriftEncoding {
  /** {@code TBinaryProtocol}: strict writes, strict or non-strict reads. */
  BINARY,
  /** {@code TCompactProtocol}. */
  COMPACT
}
