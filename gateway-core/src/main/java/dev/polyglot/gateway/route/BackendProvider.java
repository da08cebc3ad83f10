package dev.polyglot.gateway.route;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.config.BackendConfig;

/**
 * Supplies the client for a backend configuration when a route is compiled. The gateway's
 * implementation returns one shared client per distinct configuration.
 */
@FunctionalInterface
public interface BackendProvider {
  /** @throws IllegalArgumentException when no client can be made (e.g. no adapter for the protocol) */
  Backend backend(BackendConfig config);
}
