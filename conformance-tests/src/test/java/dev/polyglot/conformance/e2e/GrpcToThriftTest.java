package dev.polyglot.conformance.e2e;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.interop.v1.Item;
import io.grpc.Status;
import org.junit.jupiter.api.Nested;

/**
 * gRPC callers of the proto service to the Thrift reference backend, translated by the method
 * bindings, once per backend transport and encoding.
 */
class GrpcToThriftTest {

  abstract static class ToThriftBackend extends GrpcCallerSuite {
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
            - service: polyglot.interop.v1.InteropService
              backend: legacy
              backend_service: interop.Interop
          """.formatted(backendPort, transport.name().toLowerCase(), encoding.name().toLowerCase());
    }

    @Override
    Status undeclaredFailure(String message) {
      return Status.INTERNAL.withDescription(message);
    }

    @Override
    Item expectedMinimalItem() {
      // proto3 cannot say "unset" for quantity and origin: the Thrift backend receives their zero values
      // (DESIGN.md, Presence), echoes them, and zero values are what a proto3 reader sees as absent.
      return Item.newBuilder().setSku("pen-1").build();
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
