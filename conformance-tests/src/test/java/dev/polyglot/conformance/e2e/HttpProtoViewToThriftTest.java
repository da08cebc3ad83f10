package dev.polyglot.conformance.e2e;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;

/** HTTP callers of the proto service (proto3 JSON) to the Thrift reference backend, translated by the method bindings. */
class HttpProtoViewToThriftTest extends HttpCallerSuite.ProtoView {

  @Override
  RunningBackend startBackend() {
    return ReferenceBackends.startThrift(0, ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
  }

  @Override
  String backendsAndRoutes(int backendPort) {
    return """
        backends:
          legacy:
            protocol: thrift
            endpoints: [ "127.0.0.1:%d" ]
            transport: buffered
            encoding: compact
        routes:
          - service: polyglot.interop.v1.InteropService
            backend: legacy
            backend_service: interop.Interop
        """.formatted(backendPort);
  }

  @Override
  String minimalItemEcho() {
    // The Thrift backend receives quantity 0 and origin "" (proto3 cannot say unset) and echoes them;
    // proto3 JSON leaves zero values out.
    return "{\"sku\": \"pen-1\"}";
  }

  @Override
  String undeclaredFailure() {
    return "{\"code\": \"internal\", \"message\": \"the disk is on fire\", \"details\": []}";
  }
}
