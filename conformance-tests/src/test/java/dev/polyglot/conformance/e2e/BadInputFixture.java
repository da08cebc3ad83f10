package dev.polyglot.conformance.e2e;

import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import dev.polyglot.gateway.config.HttpListenerConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import java.util.Optional;

/**
 * The gateway the bad-input tests attack: translation in the path both ways (Thrift and HTTP callers
 * of {@code interop.Interop} reach the gRPC reference backend, gRPC callers of the proto service the
 * Thrift reference backend) and small limits (64 KiB) so that oversize input is cheap to send.
 */
final class BadInputFixture implements AutoCloseable {
  static final int LIMIT = 64 * 1024;

  final RunningBackend grpcBackend;
  final RunningBackend thriftBackend;
  final E2eGateway gateway;

  private BadInputFixture(RunningBackend grpcBackend, RunningBackend thriftBackend, E2eGateway gateway) {
    this.grpcBackend = grpcBackend;
    this.thriftBackend = thriftBackend;
    this.gateway = gateway;
  }

  static BadInputFixture start() throws Exception {
    RunningBackend grpc = ReferenceBackends.startGrpc(0);
    RunningBackend thrift = ReferenceBackends.startThrift(0,
        dev.polyglot.conformance.reference.ThriftTransport.FRAMED, dev.polyglot.conformance.reference.ThriftEncoding.BINARY);
    ListenersConfig listeners = new ListenersConfig(
        Optional.of(new HttpListenerConfig("127.0.0.1", 0, LIMIT)),
        Optional.of(new ThriftListenerConfig("127.0.0.1", 0, Optional.of("interop.Interop"), LIMIT, LIMIT)),
        Optional.of(new GrpcListenerConfig("127.0.0.1", 0, LIMIT)));
    try {
      E2eGateway gateway = E2eGateway.start(E2eGateway.IDL + """
          backends:
            modern:
              protocol: grpc
              endpoints: [ "127.0.0.1:%d" ]
            legacy:
              protocol: thrift
              endpoints: [ "127.0.0.1:%d" ]
          routes:
            - service: interop.Interop
              backend: modern
              backend_service: polyglot.interop.v1.InteropService
            - service: polyglot.interop.v1.InteropService
              backend: legacy
              backend_service: interop.Interop
          """.formatted(grpc.port(), thrift.port()), listeners);
      return new BadInputFixture(grpc, thrift, gateway);
    } catch (Exception e) {
      grpc.close();
      thrift.close();
      throw e;
    }
  }

  @Override
  public void close() {
    gateway.close();
    grpcBackend.close();
    thriftBackend.close();
  }
}
