package dev.polyglot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.grpc.client.GrpcBackendFactory;
import dev.polyglot.adapters.thrift.client.ThriftBackendFactory;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GatewayConfigLoader;
import dev.polyglot.gateway.route.CompiledRoute;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.gateway.route.RouteSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files under examples/ that the README points users at keep working. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void theWarehouseGatewayYamlLoadsAndBothRoutesCompileWithTheBindings() throws Exception {
    GatewayConfig config = GatewayConfigLoader.load(EXAMPLES.resolve("gateway.yaml"));
    // Listeners are not started here (their fixed ports may be taken); the routes are what is checked.
    try (Gateway gateway = Gateway.builder(config)
        .backendFactory(GrpcBackendFactory.of())
        .backendFactory(new ThriftBackendFactory())
        .translatorFactory(Translators.factory())
        .build()
        .start()) {
      RouteSnapshot snapshot = gateway.router().snapshot();
      assertEquals(List.of(), snapshot.rejections());
      assertEquals(List.of("acme.warehouse.v1.WarehouseService", "warehouse.Warehouse"),
          snapshot.routes().stream().map(r -> r.callerService().qualifiedName()).sorted().toList());

      CompiledRoute thriftCallers = snapshot.route("warehouse.Warehouse");
      assertEquals("acme.warehouse.v1.WarehouseService", thriftCallers.backendService().qualifiedName());
      assertEquals(List.of("getItem->GetItem", "putItem->PutItem", "listItems->ListItems", "countItems->CountItems",
              "deleteItem->DeleteItem", "touch->Touch"),
          thriftCallers.methods().stream().map(m -> m.callerMethod().name() + "->" + m.backendMethod().name()).toList());
      RouteMethod getItem = thriftCallers.method("getItem");
      assertTrue(getItem.isCached(), "getItem is cached by the route's cache: key");
      assertEquals(30_000_000_000L, getItem.cacheTtlNanos());
      assertTrue(thriftCallers.method("touch").isOneway());

      CompiledRoute grpcCallers = snapshot.route("acme.warehouse.v1.WarehouseService");
      assertEquals("warehouse.Warehouse", grpcCallers.backendService().qualifiedName());
      assertEquals(6, grpcCallers.methods().size());
    }
  }

  @Test
  void theWarehouseIdlsCheckAndBindWithNoProblems() {
    StringWriter out = new StringWriter();
    picocli.CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("idl", "compat", "--caller", "warehouse.Warehouse", "--backend", "acme.warehouse.v1.WarehouseService",
        EXAMPLES.toString());
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().endsWith("bridgeable: 6 of 6 methods bound, 0 errors, 0 warnings" + System.lineSeparator()), out.toString());

    StringWriter check = new StringWriter();
    cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(check));
    assertEquals(0, cl.execute("idl", "check", EXAMPLES.toString()));
    assertEquals(String.join(System.lineSeparator(),
            "service warehouse.Warehouse (thrift): 6 methods",
            "service acme.warehouse.v1.WarehouseService (proto): 6 methods",
            "ok: 2 files, 2 services, 17 types") + System.lineSeparator(),
        check.toString());
  }
}
