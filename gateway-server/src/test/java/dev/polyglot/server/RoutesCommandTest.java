package dev.polyglot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.gateway.config.AdminConfig;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.RouteConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code polyglot routes ...} against a running gateway's admin API. */
class RoutesCommandTest {
  @TempDir Path dir;

  @Test
  void routesListPrintsTheGatewaysRoutesAsJson() throws Exception {
    InteropIdl.copyTo(dir);
    try (RunningBackend backend = ReferenceBackends.startGrpc(0)) {
      GatewayConfig config = GatewayConfig.builder()
          .baseDirectory(dir)
          .idl(dir.resolve("interop.proto"))
          .listeners(new ListenersConfig(Optional.empty(), Optional.empty(), Optional.of(GrpcListenerConfig.of("127.0.0.1", 0))))
          .backend(BackendConfig.builder("modern", BackendProtocol.GRPC).endpoint("127.0.0.1", backend.port()).build())
          .route(RouteConfig.of(InteropIdl.PROTO_SERVICE, "modern"))
          .admin(new AdminConfig("127.0.0.1", 0))
          .shutdownGracePeriod(Duration.ofSeconds(1))
          .build();
      try (GatewayProcess process = GatewayProcess.start(config)) {
        String admin = "http://127.0.0.1:" + process.adminAddress().getPort();
        CommandRun list = CommandRun.of("routes", "list", "--admin", admin);
        assertEquals("", list.err());
        assertEquals(0, list.exit());
        long version = process.gateway().routeTable().snapshot().version();
        assertEquals("{\"version\":" + version + ",\"routes\":[{\"service\":\"polyglot.interop.v1.InteropService\",\"backend\":\"modern\","
            + "\"backend_service\":\"polyglot.interop.v1.InteropService\",\"serving\":true,\"problems\":[]}]}\n", list.out());

        CommandRun missing = CommandRun.of("routes", "delete", "--admin", admin, "interop.Interop");
        assertEquals(1, missing.exit());
        assertEquals("", missing.out());
        assertEquals("{\"code\":\"not_found\",\"message\":\"no route for service interop.Interop (routed: "
            + "polyglot.interop.v1.InteropService)\",\"details\":[]}\npolyglot routes: the gateway answered 404\n", missing.err());
      }
    }
  }

  @Test
  void anUnreachableAdminApiExitsOne() throws Exception {
    int port = CommandRun.freePort();
    CommandRun run = CommandRun.of("routes", "list", "--admin", "http://127.0.0.1:" + port);
    assertEquals(1, run.exit());
    assertEquals("", run.out());
    assertEquals("polyglot routes: cannot reach the admin API at http://127.0.0.1:" + port + ": connection refused\n",
        run.err());
  }
}
