package dev.polyglot.conformance.reference;

import org.junit.jupiter.api.Nested;

/** The Thrift reference backend in each of the four transport and encoding combinations. */
class ThriftReferenceBackendTest {

  @Nested
  class FramedBinary extends ThriftBackendSuite {
    FramedBinary() {
      super(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    }
  }

  @Nested
  class FramedCompact extends ThriftBackendSuite {
    FramedCompact() {
      super(ThriftTransport.FRAMED, ThriftEncoding.COMPACT);
    }
  }

  @Nested
  class BufferedBinary extends ThriftBackendSuite {
    BufferedBinary() {
      super(ThriftTransport.BUFFERED, ThriftEncoding.BINARY);
    }
  }

  @Nested
  class BufferedCompact extends ThriftBackendSuite {
    BufferedCompact() {
      super(ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
    }
  }
}
