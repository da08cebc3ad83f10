package dev.polyglot.adapters.grpc.client;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendFactory;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;

/** Creates {@link GrpcBackendClient}s for {@code protocol: grpc} backends. Thread-safe. */
public final class GrpcBackendFactory implements BackendFactory {

  public static GrpcBackendFactory of() {
    return new GrpcBackendFactory();
  }

  private GrpcBackendFactory() {}

  @Override
  public BackendProtocol protocol() {
    return BackendProtocol.GRPC;
  }

  /** Does not connect: the channel connects on the first call. */
  @Override
  public Backend create(BackendConfig config) {
    return GrpcBackendClient.of(config);
  }
}
