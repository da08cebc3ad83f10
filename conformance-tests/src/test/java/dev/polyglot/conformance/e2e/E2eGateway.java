package dev.polyglot.conformance.e2e;

import dev.polyglot.adapters.grpc.client.GrpcBackendFactory;
import dev.polyglot.adapters.grpc.server.GrpcListener;
import dev.polyglot.adapters.http.admin.AdminServer;
import dev.polyglot.adapters.http.server.HttpListener;
import dev.polyglot.adapters.thrift.client.ThriftBackendFactory;
import dev.polyglot.adapters.thrift.server.ThriftListener;
import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.AdminConfig;
import dev.polyglot.gateway.config.ConfigException;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import dev.polyglot.gateway.config.HttpListenerConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GatewayConfigLoader;
import dev.polyglot.gateway.route.BindingTranslatorFactory;
import dev.polyglot.gateway.route.TranslatorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A whole gateway as {@code polyglot run} wires it (gateway-server's GatewayProcess, which this module
 * cannot depend on): the interop IDLs and a gateway.yaml written to a fresh folder and loaded by the
 * real loader, every adapter's backend factory, the three listeners and the admin API.
 *
 * <p>The YAML says what a test is about (backends, routes, cluster); the listeners and the admin API
 * are set here, on 127.0.0.1 port 0, because gateway.yaml accepts only fixed ports (1-65535) and
 * fixed ports make parallel test runs collide. The bound ports are read back from the listeners.
 */
final class E2eGateway implements AutoCloseable {
  static final String IDL = "idl: [ interop.thrift, interop.proto ]\nshutdown: { grace_period: 1s }\n";

  /** All three listeners on port 0, non-multiplexed Thrift callers speaking {@code interop.Interop}. */
  static final ListenersConfig LISTENERS = new ListenersConfig(
      Optional.of(HttpListenerConfig.of("127.0.0.1", 0)),
      Optional.of(ThriftListenerConfig.of("127.0.0.1", 0, "interop.Interop")),
      Optional.of(GrpcListenerConfig.of("127.0.0.1", 0)));

  final Path directory;
  final Gateway gateway;
  final AdminServer admin;

  private E2eGateway(Path directory, Gateway gateway, AdminServer admin) {
    this.directory = directory;
    this.gateway = gateway;
    this.admin = admin;
  }

  /** Starts a gateway loading the interop IDLs, then {@code backendsAndRoutes} (YAML text), with {@link #LISTENERS}. */
  static E2eGateway start(String backendsAndRoutes) throws IOException, ConfigException {
    return start(IDL + backendsAndRoutes, LISTENERS);
  }

  /** Starts a gateway from the whole of {@code yaml} (the interop IDLs beside it) with {@code listeners}. */
  static E2eGateway start(String yaml, ListenersConfig listeners) throws IOException, ConfigException {
    Path dir = Files.createTempDirectory("polyglot-e2e");
    InteropIdl.copyTo(dir);
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    GatewayConfig loaded = GatewayConfigLoader.load(file);
    GatewayConfig config = new GatewayConfig(loaded.baseDirectory(), loaded.idl(), listeners, loaded.backends(),
        loaded.routes(), loaded.cache(), new AdminConfig("127.0.0.1", 0), loaded.cluster(), loaded.shutdownGracePeriod());
    Gateway.Builder b = Gateway.builder(config)
        .backendFactory(GrpcBackendFactory.of())
        .backendFactory(new ThriftBackendFactory())
        .translatorFactory(translators());
    config.listeners().http().ifPresent(c -> b.listener(new HttpListener(c)));
    config.listeners().thrift().ifPresent(c -> b.listener(ThriftListener.of(c)));
    config.listeners().grpc().ifPresent(c -> b.listener(GrpcListener.of(c)));
    Gateway gateway = b.build().start();
    AdminServer admin = new AdminServer(config.admin(), gateway);
    try {
      admin.start();
    } catch (IOException | RuntimeException e) {
      gateway.stop();
      throw e;
    }
    return new E2eGateway(dir, gateway, admin);
  }

  /** The translators the command line installs. */
  static TranslatorFactory translators() {
    return new BindingTranslatorFactory();
  }

  int httpPort() {
    return listener("http").getPort();
  }

  int thriftPort() {
    return listener("thrift").getPort();
  }

  int grpcPort() {
    return listener("grpc").getPort();
  }

  int adminPort() {
    return admin.address().getPort();
  }

  private InetSocketAddress listener(String name) {
    return gateway.listeners().stream().filter(l -> l.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + name + " listener")).address();
  }

  /** Stops the admin API and the gateway, then deletes the folder. */
  @Override
  public void close() {
    try {
      admin.close();
    } finally {
      gateway.stop();
      deleteQuietly(directory);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // A temp folder left behind is harmless.
    }
  }
}
