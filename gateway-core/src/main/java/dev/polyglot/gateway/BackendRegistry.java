package dev.polyglot.gateway;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendFactory;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.route.BackendProvider;
import dev.polyglot.gateway.route.CompiledRoute;
import dev.polyglot.gateway.route.RouteSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One backend client per distinct backend configuration. Used only on the route compiler thread
 * (compilation and swap notifications), hence no locking beyond what {@link #closeAll} needs.
 */
final class BackendRegistry implements BackendProvider {
  private final Map<BackendProtocol, BackendFactory> factories;
  private final Map<BackendConfig, Backend> clients = new HashMap<>();

  BackendRegistry(List<BackendFactory> factories) {
    this.factories = new EnumMap<>(BackendProtocol.class);
    for (BackendFactory f : factories) this.factories.put(f.protocol(), f);
  }

  @Override
  public synchronized Backend backend(BackendConfig config) {
    Backend b = clients.get(config);
    if (b != null) return b;
    BackendFactory f = factories.get(config.protocol());
    if (f == null) {
      throw new IllegalArgumentException(config.name() + " speaks " + config.protocol().configName() + ", but no " + config.protocol().configName()
          + " backend client is installed");
    }
    b = f.create(config);
    clients.put(config, b);
    return b;
  }

  /** Forgets clients no route of {@code snapshot} uses and returns them, for the caller to close later. */
  synchronized List<Backend> retireUnused(RouteSnapshot snapshot) {
    Set<Backend> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (CompiledRoute r : snapshot.routes()) used.add(r.backend());
    List<Backend> retired = new ArrayList<>();
    clients.values().removeIf(b -> {
      if (used.contains(b)) return false;
      retired.add(b);
      return true;
    });
    return retired;
  }

  synchronized List<Backend> removeAll() {
    List<Backend> all = new ArrayList<>(clients.values());
    clients.clear();
    return all;
  }
}
