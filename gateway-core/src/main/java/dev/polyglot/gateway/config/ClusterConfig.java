package dev.polyglot.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * The Hazelcast member that holds the route table.
 *
 * @param name members join only a cluster of the same name
 * @param host the address this member binds and announces to others
 * @param port the member port; with no {@code members} any free port from here upward is taken
 * @param members empty: a single member with no network join; else TCP-IP join on these addresses
 */
public record ClusterConfig(String name, String host, int port, List<Endpoint> members) {
  public static final String DEFAULT_NAME = "polyglot";
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;
  public static final ClusterConfig DEFAULT = new ClusterConfig(DEFAULT_NAME, DEFAULT_HOST, DEFAULT_PORT, List.of());

  public ClusterConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    members = List.copyOf(members);
    if (name.isEmpty()) throw new IllegalArgumentException("name: empty (expected: a cluster name)");
    ConfigChecks.port("port", port);
  }

  public boolean isStandalone() {
    return members.isEmpty();
  }
}
