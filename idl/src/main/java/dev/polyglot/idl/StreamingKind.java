package dev.polyglot.idl;

/** gRPC call shapes. Every Thrift method is {@link #UNARY}. */
public enum StreamingKind {
  UNARY,
  CLIENT_STREAMING,
  SERVER_STREAMING,
  BIDI_STREAMING
}
