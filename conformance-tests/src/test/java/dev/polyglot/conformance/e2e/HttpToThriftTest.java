package dev.polyglot.conformance.e2e;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;

/** HTTP callers of the Thrift service (Thrift-view JSON) to the Thrift reference backend, same service on both sides. */
class HttpToThriftTest extends HttpCallerSuite.ThriftView {

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
          - service: interop.Interop
            backend: legacy
        """.formatted(backendPort);
  }

  @Override
  String minimalItemEcho() {
    return "{\"sku\": \"pen-1\", \"quantity\": 1, \"origin\": \"warehouse\"}";
  }

  @Override
  String undeclaredFailure() {
    return "{\"code\": \"internal\", \"message\": \"the disk is on fire\", \"details\": []}";
  }
}
