package dev.polyglot.conformance.suite;

import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GatewayConfigLoader;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import dev.polyglot.gateway.config.HttpListenerConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import java.util.Optional;
import dev.polyglot.gateway.pipeline.CallFilter;
import dev.polyglot.gateway.route.TranslatorFactory;
import dev.polyglot.conformance.runner.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * A gateway on ephemeral ports with HTTP, Thrift and gRPC listeners and two routes — one per interop
 * service — whose backends the test chooses: the caller protocols × backend protocols of the
 * conformance pairings.
 */
final class InteropGateway implements AutoCloseable {
  private final Gateway gateway;

  private InteropGateway(Gateway gateway) {
    this.gateway = gateway;
  }

  /**
   * @param thriftCallersTo the backend {@code interop.Interop} callers reach: "thrift" or "grpc"
   * @param protoCallersTo the backend {@code polyglot.interop.v1.InteropService} callers reach
   * @param thriftBackend the Thrift backend's YAML ({@code {protocol: thrift, endpoints: [...], ...}})
   * @param grpcBackend the gRPC backend's YAML
   */
  static InteropGateway start(Path dir, String thriftCallersTo, String protoCallersTo, String thriftBackend, String grpcBackend,
      TranslatorFactory translators, List<CallFilter> filters) throws Exception {
    InteropIdl.copyTo(dir);
    String yaml = String.join("\n",
        "idl: [interop.thrift, interop.proto]",
        "listeners:",
        "  http: {host: 127.0.0.1, port: 1}",
        "  thrift: {host: 127.0.0.1, port: 2, service: " + InteropIdl.THRIFT_SERVICE + "}",
        "  grpc: {host: 127.0.0.1, port: 3}",
        "backends:",
        "  thrift: " + thriftBackend,
        "  grpc: " + grpcBackend,
        "routes:",
        "  - {service: " + InteropIdl.THRIFT_SERVICE + ", backend: " + thriftCallersTo + ", backend_service: " + serviceOf(thriftCallersTo) + "}",
        "  - {service: " + InteropIdl.PROTO_SERVICE + ", backend: " + protoCallersTo + ", backend_service: " + serviceOf(protoCallersTo) + "}",
        "");
    GatewayConfig parsed = GatewayConfigLoader.parse(yaml, "gateway.yaml", dir);
    // YAML insists on real ports; code may ask for free ones (port 0), which is what parallel tests need.
    ListenersConfig ephemeral = new ListenersConfig(
        Optional.of(HttpListenerConfig.of("127.0.0.1", 0)),
        Optional.of(ThriftListenerConfig.of("127.0.0.1", 0, InteropIdl.THRIFT_SERVICE)),
        Optional.of(GrpcListenerConfig.of("127.0.0.1", 0)));
    GatewayConfig config = new GatewayConfig(parsed.baseDirectory(), parsed.idl(), ephemeral, parsed.backends(), parsed.routes(),
        parsed.cache(), parsed.admin(), parsed.cluster(), parsed.shutdownGracePeriod());
    return new InteropGateway(GatewayLauncher.start(config, translators, filters));
  }

  private static String serviceOf(String backend) {
    return backend.equals("thrift") ? InteropIdl.THRIFT_SERVICE : InteropIdl.PROTO_SERVICE;
  }

  Target target(String listener) {
    var a = GatewayLauncher.address(gateway, listener);
    return Target.parse(listener + "://127.0.0.1:" + a.getPort());
  }

  @Override
  public void close() {
    gateway.stop();
  }
}
