package dev.polyglot.conformance.suite;

import dev.polyglot.adapters.grpc.client.GrpcBackendFactory;
import dev.polyglot.adapters.grpc.server.GrpcListener;
import dev.polyglot.adapters.http.server.HttpListener;
import dev.polyglot.adapters.thrift.client.ThriftBackendFactory;
import dev.polyglot.adapters.thrift.server.ThriftListener;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.Listener;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.pipeline.CallFilter;
import dev.polyglot.gateway.route.TranslatorFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Starts a whole gateway from a configuration — every adapter's backend factory and the listeners
 * the configuration names — with extra filters in front (the recorder). What {@code conformance
 * record} runs, and how the suite's tests put a gateway between caller and backend.
 */
public final class GatewayLauncher {
  private GatewayLauncher() {}

  /** The started gateway; the caller stops it. */
  public static Gateway start(GatewayConfig config, TranslatorFactory translators, List<CallFilter> filters) throws IOException {
    Gateway.Builder b = Gateway.builder(config)
        .backendFactory(GrpcBackendFactory.of())
        .backendFactory(new ThriftBackendFactory())
        .translatorFactory(translators);
    filters.forEach(b::filter);
    config.listeners().http().ifPresent(c -> b.listener(new HttpListener(c)));
    config.listeners().thrift().ifPresent(c -> b.listener(ThriftListener.of(c)));
    config.listeners().grpc().ifPresent(c -> b.listener(GrpcListener.of(c)));
    return b.build().start();
  }

  /** The bound address of the gateway's {@code http}, {@code thrift} or {@code grpc} listener. */
  public static InetSocketAddress address(Gateway gateway, String listener) {
    return gateway.listeners().stream().filter(l -> l.name().equals(listener)).findFirst().map(Listener::address)
        .orElseThrow(() -> new IllegalArgumentException("the gateway has no " + listener + " listener"));
  }
}
