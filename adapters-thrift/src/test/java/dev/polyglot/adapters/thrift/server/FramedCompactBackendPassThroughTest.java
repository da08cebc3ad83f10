package dev.polyglot.adapters.thrift.server;

import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;

/** {@link PassThroughSuite} against a framed compact backend. */
class FramedCompactBackendPassThroughTest extends PassThroughSuite {
  FramedCompactBackendPassThroughTest() {
    super(ThriftTransport.FRAMED, ThriftEncoding.COMPACT);
  }
}
