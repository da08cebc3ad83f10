package dev.polyglot.conformance.e2e;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import org.junit.jupiter.api.Nested;

/**
 * Thrift callers to the Thrift reference backend through a same-service route (passed through
 * untranslated), once per backend transport and encoding.
 */
class ThriftToThriftTest {

  abstract static class ToThriftBackend extends ThriftCallerSuite {
    private final ThriftTransport transport;
    private final ThriftEncoding encoding;

    ToThriftBackend(ThriftTransport transport, ThriftEncoding encoding) {
      this.transport = transport;
      this.encoding = encoding;
    }

    @Override
    RunningBackend startBackend() {
      return ReferenceBackends.startThrift(0, transport, encoding);
    }

    @Override
    String backendsAndRoutes(int backendPort) {
      return """
          backends:
            legacy:
              protocol: thrift
              endpoints: [ "127.0.0.1:%d" ]
              transport: %s
              encoding: %s
          routes:
            - service: interop.Interop
              backend: legacy
          """.formatted(backendPort, transport.name().toLowerCase(), encoding.name().toLowerCase());
    }

    @Override
    String undeclaredFailureMessage(String message) {
      return message;
    }
  }

  @Nested
  class FramedBinaryBackend extends ToThriftBackend {
    FramedBinaryBackend() {
      super(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    }
  }

  @Nested
  class FramedCompactBackend extends ToThriftBackend {
    FramedCompactBackend() {
      super(ThriftTransport.FRAMED, ThriftEncoding.COMPACT);
    }
  }

  @Nested
  class BufferedBinaryBackend extends ToThriftBackend {
    BufferedBinaryBackend() {
      super(ThriftTransport.BUFFERED, ThriftEncoding.BINARY);
    }
  }

  @Nested
  class BufferedCompactBackend extends ToThriftBackend {
    BufferedCompactBackend() {
      super(ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
    }
  }
}
