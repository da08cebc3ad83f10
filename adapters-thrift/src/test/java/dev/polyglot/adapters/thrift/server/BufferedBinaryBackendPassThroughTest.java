package dev.polyglot.adapters.thrift.server;

import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;

/** {@link PassThroughSuite} against a buffered binary backend. */
class BufferedBinaryBackendPassThroughTest extends PassThroughSuite {
  BufferedBinaryBackendPassThroughTest() {
    super(ThriftTransport.BUFFERED, ThriftEncoding.BINARY);
  }
}
