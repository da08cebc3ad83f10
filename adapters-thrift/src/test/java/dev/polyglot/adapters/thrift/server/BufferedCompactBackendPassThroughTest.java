package dev.polyglot.adapters.thrift.server;

import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;

/** {@link PassThroughSuite} against a buffered compact backend. */
class BufferedCompactBackendPassThroughTest extends PassThroughSuite {
  BufferedCompactBackendPassThroughTest() {
    super(ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
  }
}
