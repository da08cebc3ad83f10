package dev.polyglot.conformance.e2e;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.interop.v1.Item;
import io.grpc.Status;

/** gRPC callers to the gRPC reference backend through a same-service route (passed through untranslated). */
class GrpcToGrpcTest extends GrpcCallerSuite {

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
  Status undeclaredFailure(String message) {
    return Status.INTERNAL.withDescription(message);
  }

  @Override
  Item expectedMinimalItem() {
    // proto3 has no field defaults: what was not sent comes back as the zero values.
    return Item.newBuilder().setSku("pen-1").build();
  }
}
