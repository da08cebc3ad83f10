package dev.polyglot.server;

import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.gateway.config.ConfigException;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GatewayConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polyglot demo}: the gateway in front of the built-in reference backends of the interop
 * service — Thrift and HTTP callers of {@code interop.Interop} reach a gRPC backend, gRPC and HTTP
 * callers of {@code polyglot.interop.v1.InteropService} reach a Thrift backend — with a list of calls
 * to try. The configuration it runs is an ordinary gateway.yaml, printed with {@code --show-config}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the gateway with built-in demo Thrift and gRPC backends and print calls to try.",
        "Stop it with Ctrl-C."})
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--http-port", defaultValue = "8080", description = "HTTP/JSON listener port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--thrift-port", defaultValue = "9090", description = "Thrift listener port (default: ${DEFAULT-VALUE}).")
  int thriftPort;

  @Option(names = "--grpc-port", defaultValue = "50051", description = "gRPC listener port (default: ${DEFAULT-VALUE}).")
  int grpcPort;

  @Option(names = "--admin-port", defaultValue = "9901", description = "Admin API port (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(names = "--show-config", description = "Print the gateway.yaml the demo runs.")
  boolean showConfig;

  @Option(names = "--check", description = "Make one call over each protocol through the gateway, print the answers, stop; exit 1 if any fails.")
  boolean check;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Checked here, by option name: the loader would point into the generated gateway.yaml, a
    // temporary file the user never sees.
    String[] names = {"--http-port", "--thrift-port", "--grpc-port", "--admin-port"};
    int[] ports = {httpPort, thriftPort, grpcPort, adminPort};
    for (int i = 0; i < ports.length; i++) {
      if (ports[i] < 1 || ports[i] > 65535) {
        err.println("polyglot demo: " + names[i] + ": " + ports[i] + " (expected: 1-65535)");
        err.flush();
        return 2;
      }
    }
    Path dir = Files.createTempDirectory("polyglot-demo");
    try (RunningBackend grpcBackend = ReferenceBackends.startGrpc(0);
        RunningBackend thriftBackend = ReferenceBackends.startThrift(0, ThriftTransport.FRAMED, ThriftEncoding.BINARY)) {
      InteropIdl.copyTo(dir);
      String yaml = config(grpcBackend.port(), thriftBackend.port());
      Path configFile = dir.resolve("gateway.yaml");
      Files.writeString(configFile, yaml, StandardCharsets.UTF_8);
      if (showConfig) out.println(yaml);
      GatewayConfig config;
      try {
        config = GatewayConfigLoader.load(configFile);
      } catch (ConfigException e) {
        err.println(e.getMessage());
        err.flush();
        return 2;
      }
      GatewayProcess process;
      try {
        process = GatewayProcess.start(config);
      } catch (IOException e) {
        err.println("polyglot demo: cannot start: " + e.getMessage()
            + " (another program may hold a port: choose others with --http-port, --thrift-port, --grpc-port, --admin-port)");
        err.flush();
        return 1;
      }
      try {
        if (check) {
          boolean ok = DemoCheck.run(out, process.listenerAddress("http"), process.listenerAddress("thrift"), process.listenerAddress("grpc"));
          out.flush();
          return ok ? 0 : 1;
        }
        out.println(tryThese());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(process::stop, "polyglot-demo-shutdown"));
        process.awaitStopped();
        return 0;
      } finally {
        process.stop();
      }
    } finally {
      deleteTree(dir);
    }
  }

  private String config(int grpcBackendPort, int thriftBackendPort) {
    return """
        # The demo's gateway.yaml: the interop service in both IDLs, one reference backend per protocol.
        idl:
          - interop.thrift
          - interop.proto
        listeners:
          http:   { host: 127.0.0.1, port: %d }
          thrift: { host: 127.0.0.1, port: %d, service: interop.Interop }
          grpc:   { host: 127.0.0.1, port: %d }
        backends:
          demo-grpc:
            protocol: grpc
            endpoints: [ "127.0.0.1:%d" ]
          demo-thrift:
            protocol: thrift
            endpoints: [ "127.0.0.1:%d" ]
            transport: framed
            encoding: binary
        routes:
          - service: interop.Interop                      # Thrift and HTTP callers -> the gRPC backend
            backend: demo-grpc
            backend_service: polyglot.interop.v1.InteropService
            cache: { methods: [ getItem ], ttl: 30s }
          - service: polyglot.interop.v1.InteropService   # gRPC and HTTP callers -> the Thrift backend
            backend: demo-thrift
            backend_service: interop.Interop
        admin: { port: %d }
        """.formatted(httpPort, thriftPort, grpcPort, grpcBackendPort, thriftBackendPort, adminPort);
  }

  private String tryThese() {
    String h = "localhost:" + httpPort;
    String g = "localhost:" + grpcPort;
    String a = "localhost:" + adminPort;
    return """

        Polyglot Gateway demo is running. Try:

          # (The "is already served by" warnings above are expected here: both demo IDLs declare the
          #  same REST paths, and the routes of the first service, interop.Interop, keep them.)

          # HTTP/JSON caller of the Thrift service interop.Interop, answered by the gRPC backend
          curl -s -H 'content-type: application/json' %1$s/interop.Interop/echoString -d '{"value": "héllo, wörld"}'
          curl -s -H 'content-type: application/json' %1$s/interop.Interop/add -d '{"left": 2, "right": 9007199254740993}'
          curl -s -H 'content-type: application/json' %1$s/interop.Interop/getItem -d '{"sku": "missing"}'  # declared exception: 404
          curl -s '%1$s/v1/add?left=2&right=40'                  # resource route from the Thrift annotation http.get

          # HTTP/JSON caller of the proto service, answered by the Thrift backend (proto3 JSON)
          curl -s -H 'content-type: application/json' %1$s/polyglot.interop.v1.InteropService/EchoI64 -d '{"value": "-9223372036854775808"}'

          # gRPC caller, answered by the Thrift backend (server reflection: no .proto needed)
          grpcurl -plaintext %2$s list
          grpcurl -plaintext -d '{"left": 2, "right": 40}' %2$s polyglot.interop.v1.InteropService/Add

          # Thrift caller (framed or buffered, binary or compact), answered by the gRPC backend:
          #   point any client of conformance-tests/src/main/resources/idl/interop.thrift at localhost:%3$d

          # The admin API
          curl -s %4$s/routes
          curl -s %4$s/cache

        Ctrl-C stops the gateway.
        """.formatted(h, g, thriftPort, a);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temp folder left behind is harmless.
    }
  }
}
