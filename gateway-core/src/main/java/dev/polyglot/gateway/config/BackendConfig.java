package dev.polyglot.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One backend: where it is and how to speak to it. Immutable; equal configurations describe the
 * same client, so a gateway reuses one client for equal values.
 *
 * @param name the key under {@code backends:}; routes refer to it
 * @param endpoints at least one; gRPC balances round-robin, Thrift pools connections per endpoint
 * @param transport Thrift only (gRPC backends carry {@link #DEFAULT_TRANSPORT})
 * @param encoding Thrift only (gRPC backends carry {@link #DEFAULT_ENCODING})
 * @param multiplexedService Thrift only: the {@code TMultiplexedProtocol} service name to prefix
 *     method names with, if the backend server is multiplexed
 * @param connectTimeout how long opening a connection may take
 * @param timeout the per-call timeout when the route names none; a caller's shorter deadline wins
 * @param poolSize Thrift only: connections kept per endpoint
 * @param maxConnections Thrift only: connections open at once per endpoint (each carries one call at a
 *     time); calls beyond it wait for a free connection until their deadline
 */
public record BackendConfig(
    String name,
    BackendProtocol protocol,
    List<Endpoint> endpoints,
    ThriftTransport transport,
    ThriftEncoding encoding,
    Optional<String> multiplexedService,
    Duration connectTimeout,
    Duration timeout,
    int poolSize,
    int maxConnections) {

  public static final ThriftTransport DEFAULT_TRANSPORT = ThriftTransport.FRAMED;
  public static final ThriftEncoding DEFAULT_ENCODING = ThriftEncoding.BINARY;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_POOL_SIZE = 8;
  public static final int DEFAULT_MAX_CONNECTIONS = 64;
  public static final int MAX_MAX_CONNECTIONS = 4096;

  public BackendConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(protocol, "protocol");
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(multiplexedService, "multiplexedService");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(timeout, "timeout");
    if (name.isEmpty()) throw new IllegalArgumentException("name: empty (expected: a backend name)");
    if (endpoints.isEmpty()) throw new IllegalArgumentException("endpoints: empty (expected: at least one host:port)");
    ConfigChecks.positive("connect_timeout", connectTimeout);
    ConfigChecks.positive("timeout", timeout);
    if (poolSize < 1 || poolSize > 1024) throw new IllegalArgumentException("pool_size: " + poolSize + " (expected: 1-1024)");
    if (maxConnections < 1 || maxConnections > MAX_MAX_CONNECTIONS) {
      throw new IllegalArgumentException("max_connections: " + maxConnections + " (expected: 1-" + MAX_MAX_CONNECTIONS + ")");
    }
    if (maxConnections < poolSize) {
      throw new IllegalArgumentException("max_connections: " + maxConnections + " (expected: at least pool_size, " + poolSize + ")");
    }
    if (protocol == BackendProtocol.GRPC && multiplexedService.isPresent()) {
      throw new IllegalArgumentException("multiplexed: only for thrift backends");
    }
  }

  /** With the default {@code max_connections}. */
  public BackendConfig(String name, BackendProtocol protocol, List<Endpoint> endpoints, ThriftTransport transport, ThriftEncoding encoding,
      Optional<String> multiplexedService, Duration connectTimeout, Duration timeout, int poolSize) {
    this(name, protocol, endpoints, transport, encoding, multiplexedService, connectTimeout, timeout, poolSize,
        Math.max(DEFAULT_MAX_CONNECTIONS, poolSize));
  }

  public static Builder builder(String name, BackendProtocol protocol) {
    return new Builder(name, protocol);
  }

  /** Collects settings; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final BackendProtocol protocol;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private ThriftTransport transport = DEFAULT_TRANSPORT;
    private ThriftEncoding encoding = DEFAULT_ENCODING;
    private Optional<String> multiplexedService = Optional.empty();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int poolSize = DEFAULT_POOL_SIZE;
    private int maxConnections = -1;

    private Builder(String name, BackendProtocol protocol) {
      this.name = name;
      this.protocol = protocol;
    }

    public Builder endpoint(Endpoint endpoint) {
      endpoints.add(Objects.requireNonNull(endpoint));
      return this;
    }

    public Builder endpoint(String host, int port) {
      return endpoint(Endpoint.of(host, port));
    }

    public Builder endpoints(List<Endpoint> all) {
      all.forEach(this::endpoint);
      return this;
    }

    public Builder transport(ThriftTransport transport) {
      this.transport = transport;
      return this;
    }

    public Builder encoding(ThriftEncoding encoding) {
      this.encoding = encoding;
      return this;
    }

    public Builder multiplexedService(String serviceName) {
      this.multiplexedService = Optional.of(serviceName);
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /** Default: {@link #DEFAULT_MAX_CONNECTIONS}, or {@code pool_size} when that is larger. */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    public BackendConfig build() {
      int max = maxConnections < 0 ? Math.max(DEFAULT_MAX_CONNECTIONS, poolSize) : maxConnections;
      return new BackendConfig(name, protocol, endpoints, transport, encoding, multiplexedService, connectTimeout, timeout, poolSize, max);
    }
  }
}
