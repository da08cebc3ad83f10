package dev.polyglot.conformance.e2e;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.testing.InteropValues;
import dev.polyglot.conformance.testing.ThriftValue;

/** Thrift callers of {@code interop.Interop} to the gRPC reference backend, translated by the method bindings. */
class ThriftToGrpcTest extends ThriftCallerSuite {

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
  String undeclaredFailureMessage(String message) {
    return message;
  }

  /**
   * proto3 scalars, repeated and map fields cannot say "unset": what the Thrift caller left out of a
   * default-requiredness field comes back as the type's zero value (DESIGN.md, Presence), not as the
   * Thrift IDL's default, which only a Thrift peer's generated code would fill in.
   */
  @Override
  ThriftValue.Struct minimalItemBack() {
    return MINIMAL_ITEM_THROUGH_PROTO;
  }

  @Override
  ThriftValue expectedEcho(ThriftValue sent) {
    // The second item inside the containers has no tags: an empty repeated field comes back as [].
    return sent.equals(InteropValues.CONTAINERS) ? InteropValues.CONTAINERS_THROUGH_PROTO : sent;
  }

  static final ThriftValue.Struct MINIMAL_ITEM_THROUGH_PROTO = ThriftValue.struct(
      1, ThriftValue.str("pen-1"), 3, ThriftValue.i32(0),
      9, ThriftValue.list(org.apache.thrift.protocol.TType.STRING), 12, ThriftValue.str(""));
}
