package dev.polyglot.gateway.call;

import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;

/** Creates backend clients for one protocol; each protocol adapter registers one with the gateway. */
public interface BackendFactory {
  BackendProtocol protocol();

  /**
   * Creates a client for {@code config} (whose protocol is {@link #protocol()}). Should not block on
   * the network: connect lazily, so that a route can be compiled while a backend is down.
   */
  Backend create(BackendConfig config);
}
