package dev.polyglot.conformance.e2e;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;

/** HTTP callers of the Thrift service (Thrift-view JSON) to the gRPC reference backend, translated by the method bindings. */
class HttpThriftViewToGrpcTest extends HttpCallerSuite.ThriftView {

  @Override
  RunningBackend startBackend() {
    return ReferenceBackends.startGrpc(0);
  }

  @Override
  String backendsAndRoutes(int backendPort) {
    return """
        backends:
          modern:
            protocol: grpc
            endpoints: [ "127.0.0.1:%d" ]
        routes:
          - service: interop.Interop
            backend: modern
            backend_service: polyglot.interop.v1.InteropService
        """.formatted(backendPort);
  }

  @Override
  String minimalItemEcho() {
    // proto3 fields without presence come back to the Thrift view as their zero values (DESIGN.md, Presence).
    return "{\"sku\": \"pen-1\", \"quantity\": 0, \"tags\": [], \"origin\": \"\"}";
  }

  @Override
  String undeclaredFailure() {
    return "{\"code\": \"internal\", \"message\": \"the disk is on fire\", \"details\": []}";
  }
}
