package dev.polyglot.conformance.reference;

import static dev.polyglot.conformance.testing.ThriftValue.i32;
import static dev.polyglot.conformance.testing.ThriftValue.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.testing.ThriftTestClient;
import org.apache.thrift.TException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Thrift reference backend in each of the four transport and encoding combinations. */
class ThriftReferenceBackendTest {

  @Test
  void nonStrictBinaryCallersAreUnderstood() throws TException {
    try (RunningBackend backend = ReferenceBackends.startThrift(0, ThriftTransport.BUFFERED, ThriftEncoding.BINARY);
        ThriftTestClient client = ThriftTestClient.nonStrictBinary(backend.port())) {
      assertEquals(struct(0, i32(-5)), client.result("echoI32", struct(1, i32(-5))));
    }
  }

  @Test
  void portIsCheckedBeforeAnythingStarts() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ReferenceBackends.startThrift(70000, ThriftTransport.FRAMED, ThriftEncoding.BINARY));
    assertEquals("port: 70000 (expected: 0-65535)", e.getMessage());
  }

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
