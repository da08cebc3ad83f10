package dev.polyglot.server;

import dev.polyglot.adapters.grpc.client.GrpcBackendFactory;
import dev.polyglot.adapters.grpc.server.GrpcListener;
import dev.polyglot.adapters.http.admin.AdminServer;
import dev.polyglot.adapters.http.server.HttpListener;
import dev.polyglot.adapters.thrift.client.ThriftBackendFactory;
import dev.polyglot.adapters.thrift.server.ThriftListener;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.GatewayConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * A running gateway as the command line starts it: every adapter's backend factory, the listeners
 * the configuration names, the method bindings as translators, and the admin API. {@link #stop()}
 * is graceful (see {@link Gateway#stop()}) and idempotent; {@link #awaitStopped()} blocks until it
 * has run, which is how {@code run} waits for SIGTERM.
 */
final class GatewayProcess implements AutoCloseable {
  private final Gateway gateway;
  private final AdminServer admin;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private GatewayProcess(Gateway gateway, AdminServer admin) {
    this.gateway = gateway;
    this.admin = admin;
  }

  /** Starts everything; on failure, whatever was started is stopped again and the error thrown. */
  static GatewayProcess start(GatewayConfig config) throws IOException {
    Gateway.Builder b = Gateway.builder(config)
        .backendFactory(GrpcBackendFactory.of())
        .backendFactory(new ThriftBackendFactory())
        .translatorFactory(Translators.factory());
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
    return new GatewayProcess(gateway, admin);
  }

  Gateway gateway() {
    return gateway;
  }

  InetSocketAddress adminAddress() {
    return admin.address();
  }

  /** The bound address of the listener named {@code http}, {@code thrift} or {@code grpc}, or null. */
  InetSocketAddress listenerAddress(String name) {
    return gateway.listeners().stream().filter(l -> l.name().equals(name)).findFirst().map(l -> l.address()).orElse(null);
  }

  void stop() {
    try {
      admin.close();
      gateway.stop();
    } finally {
      stopped.countDown();
    }
  }

  void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    stop();
  }
}
