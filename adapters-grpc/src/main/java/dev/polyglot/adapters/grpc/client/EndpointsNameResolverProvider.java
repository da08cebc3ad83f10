package dev.polyglot.adapters.grpc.client;

import dev.polyglot.gateway.config.Endpoint;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code polyglot-endpoints:///host1:port1,host2:port2} targets: a backend's fixed endpoint
 * list written into the channel target, so that the provider itself holds no state and one global
 * registration serves every channel. Each endpoint becomes one address group; the channel's
 * {@code round_robin} policy balances over them.
 */
final class EndpointsNameResolverProvider extends NameResolverProvider {
  static final String SCHEME = "polyglot-endpoints";
  private static final EndpointsNameResolverProvider INSTANCE = new EndpointsNameResolverProvider();

  static {
    // Registered in code rather than through META-INF/services, which a shaded jar may not merge.
    NameResolverRegistry.getDefaultRegistry().register(INSTANCE);
  }

  private EndpointsNameResolverProvider() {}

  /** The channel target for {@code endpoints}; registers the provider on first use. */
  static String target(List<Endpoint> endpoints) {
    StringBuilder path = new StringBuilder();
    for (Endpoint e : endpoints) {
      if (path.length() > 0) path.append(',');
      path.append(e);
    }
    return SCHEME + ":///" + percentEncode(path.toString());
  }

  /** IPv6 brackets and zone ids are not allowed raw in a URI path. */
  private static String percentEncode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '%' -> out.append("%25");
        case '[' -> out.append("%5B");
        case ']' -> out.append("%5D");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
    if (!SCHEME.equals(targetUri.getScheme())) return null;
    String path = targetUri.getPath();
    List<Endpoint> endpoints = new ArrayList<>();
    for (String part : path.substring(path.startsWith("/") ? 1 : 0).split(",")) endpoints.add(Endpoint.parse(part));
    return new EndpointsNameResolver(endpoints, args);
  }

  @Override
  public String getDefaultScheme() {
    return SCHEME;
  }

  @Override
  protected boolean isAvailable() {
    return true;
  }

  @Override
  protected int priority() {
    // Below dns (5): never the default scheme for targets that name none.
    return 1;
  }
}
