package dev.polyglot.adapters.grpc.server;

import static dev.polyglot.adapters.grpc.testing.GatewayFixture.DARK_SERVICE;
import static dev.polyglot.adapters.grpc.testing.GatewayFixture.ECHO_SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import dev.polyglot.adapters.grpc.common.ByteArrayMarshaller;
import dev.polyglot.adapters.grpc.testing.GatewayFixture;
import dev.polyglot.adapters.grpc.testing.v1.EchoRequest;
import dev.polyglot.gateway.config.RouteConfig;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routes and IDLs changed while the gateway runs: the gRPC listener serves (and reflects) the snapshot
 * current at each call, and keeps the method definitions of routes that did not change.
 */
class RouteChangesTest {
  private static final String EXTRA_PROTO = "polyglot/grpctest/v1/extra.proto";
  private static final String EXTRA_SERVICE = "polyglot.grpctest.v1.ExtraService";

  private static GatewayFixture fixture;
  private static ManagedChannel channel;

  @BeforeAll
  static void startGateway() throws Exception {
    fixture = GatewayFixture.start();
    channel = fixture.newChannel();
  }

  @AfterAll
  static void stopGateway() throws Exception {
    if (channel != null) GatewayFixture.shutdown(channel);
    if (fixture != null) fixture.close();
  }

  private static Status callEcho(String service) {
    return assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel, ByteArrayMarshaller.unary(service + "/Echo"),
        CallOptions.DEFAULT, EchoRequest.newBuilder().setText("x").build().toByteArray())).getStatus();
  }

  private static ServerReflectionResponse reflect(ServerReflectionRequest request) throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(new StreamObserver<>() {
      @Override
      public void onNext(ServerReflectionResponse value) {
        answer.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        answer.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    });
    requests.onNext(request);
    requests.onCompleted();
    return answer.get(10, TimeUnit.SECONDS);
  }

  private static List<String> services() throws Exception {
    return reflect(ServerReflectionRequest.newBuilder().setListServices("").build())
        .getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList();
  }

  @Test
  void oneDefinitionServesEveryCallOfAMethodAndSurvivesChangesToOtherRoutes() throws Exception {
    RouteHandlerRegistry registry = new RouteHandlerRegistry(fixture.gateway.dispatcher());
    ServerMethodDefinition<?, ?> echo = registry.lookupMethod(ECHO_SERVICE + "/Echo", null);
    assertEquals(ECHO_SERVICE + "/Echo", echo.getMethodDescriptor().getFullMethodName());
    assertSame(echo, registry.lookupMethod(ECHO_SERVICE + "/Echo", null));
    assertNotSame(echo, registry.lookupMethod(ECHO_SERVICE + "/Ping", null));
    try {
      fixture.gateway.routeTable().deleteRoute(DARK_SERVICE);
      assertSame(echo, registry.lookupMethod(ECHO_SERVICE + "/Echo", null));
    } finally {
      fixture.gateway.routeTable().applyRoute(RouteConfig.of(DARK_SERVICE, "dark"));
    }
  }

  @Test
  void aDeletedRouteIsUnknownAtOnceAndServedAgainWhenApplied() throws Exception {
    fixture.gateway.routeTable().deleteRoute(DARK_SERVICE);
    try {
      Status gone = callEcho(DARK_SERVICE);
      assertEquals(Status.Code.UNIMPLEMENTED, gone.getCode());
      assertEquals("unknown service " + DARK_SERVICE, gone.getDescription());
      assertEquals(List.of("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", ECHO_SERVICE),
          services());
    } finally {
      fixture.gateway.routeTable().applyRoute(RouteConfig.of(DARK_SERVICE, "dark"));
    }
    Status back = callEcho(DARK_SERVICE);
    assertEquals(Status.Code.UNAVAILABLE, back.getCode());
    assertEquals("backend dark is unavailable", back.getDescription());
    assertEquals(List.of("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", DARK_SERVICE,
        ECHO_SERVICE), services());
  }

  @Test
  void anUploadedIdlIsRoutedAndReflectedAtOnce() throws Exception {
    String extra = """
        syntax = "proto3";
        package polyglot.grpctest.v1;
        import "polyglot/grpctest/v1/echo.proto";
        service ExtraService {
          rpc Echo(EchoRequest) returns (EchoResponse);
        }
        """;
    fixture.gateway.routeTable().putIdl(EXTRA_PROTO, extra);
    fixture.gateway.routeTable().applyRoute(RouteConfig.of(EXTRA_SERVICE, "echo"));
    try {
      // The echo backend does not implement ExtraService: its own answer comes back through the gateway.
      Status s = callEcho(EXTRA_SERVICE);
      assertEquals(Status.Code.UNIMPLEMENTED, s.getCode());
      assertEquals("Method not found: " + EXTRA_SERVICE + "/Echo", s.getDescription());
      ServerReflectionResponse file = reflect(ServerReflectionRequest.newBuilder().setFileContainingSymbol(EXTRA_SERVICE).build());
      assertEquals(EXTRA_PROTO, FileDescriptorProto.parseFrom(file.getFileDescriptorResponse().getFileDescriptorProto(0)).getName());
      assertEquals("polyglot/grpctest/v1/echo.proto", FileDescriptorProto.parseFrom(file.getFileDescriptorResponse().getFileDescriptorProto(1)).getName());
    } finally {
      fixture.gateway.routeTable().deleteRoute(EXTRA_SERVICE);
      fixture.gateway.routeTable().deleteIdl(EXTRA_PROTO);
    }
    Status gone = callEcho(EXTRA_SERVICE);
    assertEquals(Status.Code.UNIMPLEMENTED, gone.getCode());
    assertEquals("unknown service " + EXTRA_SERVICE, gone.getDescription());
  }
}
