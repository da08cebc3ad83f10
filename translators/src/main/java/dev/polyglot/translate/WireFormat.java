package dev.polyglot.translate;

/** The encodings the translators read and write. */
public enum WireFormat {
  /** Thrift TBinaryProtocol (strict or non-strict on input; strict on output). */
  THRIFT_BINARY,
  /** Thrift TCompactProtocol. */
  THRIFT_COMPACT,
  /** Protobuf binary encoding. */
  PROTOBUF,
  /** JSON, Thrift view (DESIGN.md "JSON"). */
  THRIFT_JSON,
  /** JSON, proto3 JSON mapping. */
  PROTO_JSON
}
