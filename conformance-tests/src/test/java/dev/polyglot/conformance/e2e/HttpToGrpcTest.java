package dev.polyglot.conformance.e2e;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;

/** HTTP callers of the proto service (proto3 JSON) to the gRPC reference backend, same service on both sides. */
class HttpToGrpcTest extends HttpCallerSuite.ProtoView {

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
          - service: polyglot.interop.v1.InteropService
            backend: modern
        """.formatted(backendPort);
  }

  @Override
  String minimalItemEcho() {
    return "{\"sku\": \"pen-1\"}";
  }

  @Override
  String undeclaredFailure() {
    return "{\"code\": \"internal\", \"message\": \"the disk is on fire\", \"details\": []}";
  }
}
