package dev.polyglot.adapters.thrift.server;

import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;

/** {@link PassThroughSuite} against a framed binary backend. */
class FramedBinaryBackendPassThroughTest extends PassThroughSuite {
  FramedBinaryBackendPassThroughTest() {
    super(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
  }
}
