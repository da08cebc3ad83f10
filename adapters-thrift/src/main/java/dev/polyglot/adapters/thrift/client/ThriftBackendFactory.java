package dev.polyglot.adapters.thrift.client;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendFactory;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;

/** Creates {@link ThriftBackendClient}s for {@code protocol: thrift} backends. Stateless and thread-safe. */
public final class ThriftBackendFactory implements BackendFactory {

  @Override
  public BackendProtocol protocol() {
    return BackendProtocol.THRIFT;
  }

  /** Never touches the network: connections are opened by the first calls. */
  @Override
  public Backend create(BackendConfig config) {
    return ThriftBackendClient.of(config);
  }
}
