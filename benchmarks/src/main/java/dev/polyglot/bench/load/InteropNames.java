package dev.polyglot.bench.load;

import dev.polyglot.conformance.interop.InteropIdl;

/** The two interop services the load runs address. */
final class InteropNames {
  static final String THRIFT_SERVICE = InteropIdl.THRIFT_SERVICE;
  static final String PROTO_SERVICE = InteropIdl.PROTO_SERVICE;

  private InteropNames() {}
}
