package dev.polyglot.adapters.grpc.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.grpc.testing.EchoBackend;
import dev.polyglot.adapters.grpc.testing.GatewayFixture;
import dev.polyglot.adapters.grpc.testing.v1.EchoRequest;
import dev.polyglot.adapters.grpc.testing.v1.EchoResponse;
import dev.polyglot.adapters.grpc.testing.v1.GetItemRequest;
import dev.polyglot.adapters.grpc.testing.v1.ItemNotFound;
import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend client against real generated-stub backends on loopback, without a gateway in between. */
class GrpcBackendClientTest {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  private static Schema schema;
  private static ServiceDef echoService;
  private static EchoBackend a;
  private static EchoBackend b;

  @BeforeAll
  static void start() throws Exception {
    schema = IdlLoader.withIncludePaths(List.of(GatewayFixture.PROTO_ROOT))
        .load(List.of(GatewayFixture.PROTO_ROOT.resolve("polyglot/grpctest/v1/echo.proto")));
    echoService = schema.requireService(GatewayFixture.ECHO_SERVICE);
    a = EchoBackend.start("a");
    b = EchoBackend.start("b");
  }

  @AfterAll
  static void stop() throws Exception {
    if (a != null) a.close();
    if (b != null) b.close();
  }

  @BeforeEach
  void forgetEarlierCalls() {
    a.resetCalls();
    b.resetCalls();
  }

  private static Backend client(String name, int... ports) {
    BackendConfig.Builder config = BackendConfig.builder(name, BackendProtocol.GRPC);
    for (int p : ports) config.endpoint("127.0.0.1", p);
    return GrpcBackendFactory.of().create(config.build());
  }

  private static BackendMethod bind(Backend backend, String method) {
    return backend.bind(schema, echoService, echoService.method(method).orElseThrow());
  }

  private static Reply call(BackendMethod m, byte[] request) {
    return m.call(request, Deadline.after(CALL_TIMEOUT), Metadata.EMPTY).orTimeout(10, TimeUnit.SECONDS).join();
  }

  private static EchoResponse echoReply(Reply r) throws Exception {
    assertTrue(r.isOk(), r.toString());
    assertEquals(WireFormat.PROTOBUF, r.format());
    return EchoResponse.parseFrom(r.payload());
  }

  @Test
  void callsAlternateRoundRobinAcrossTheTwoEndpoints() throws Exception {
    try (Backend client = client("pair", a.port(), b.port())) {
      BackendMethod echo = bind(client, "Echo");
      byte[] request = EchoRequest.newBuilder().setText("rr").build().toByteArray();
      // Round robin picks among connected endpoints only; first let both connections come up.
      for (int i = 0; i < 100 && (a.calls() == 0 || b.calls() == 0); i++) echoReply(call(echo, request));
      assertTrue(a.calls() > 0 && b.calls() > 0, "both endpoints reached during warm-up");
      a.resetCalls();
      b.resetCalls();
      List<String> servedBy = new ArrayList<>();
      for (int i = 0; i < 10; i++) servedBy.add(echoReply(call(echo, request)).getServedBy());
      assertEquals(5, a.calls());
      assertEquals(5, b.calls());
      for (int i = 1; i < servedBy.size(); i++) assertNotEquals(servedBy.get(i - 1), servedBy.get(i), "call " + i + " of " + servedBy);
    }
  }

  @Test
  void aDeadEndpointIsSkippedWhileAnotherServes() throws Exception {
    try (Backend client = client("half", GatewayFixture.unusedPort(), a.port())) {
      BackendMethod echo = bind(client, "Echo");
      for (int i = 0; i < 10; i++) assertEquals("a", echoReply(call(echo, new byte[0])).getServedBy());
      assertEquals(10, a.calls());
    }
  }

  @Test
  void theBackendsOwnUnavailableKeepsItsMessage() {
    try (Backend client = client("echo", a.port())) {
      Reply r = call(bind(client, "GetItem"), GetItemRequest.newBuilder().setSku("busy").build().toByteArray());
      assertEquals(StatusCode.UNAVAILABLE, r.status().code());
      assertEquals("warehouse busy", r.status().message());
      assertFalse(r.status().detail().isPresent());
    }
  }

  @Test
  void anOkReplyCarriesTheBackendsResponseBytes() throws Exception {
    try (Backend client = client("echo", a.port())) {
      EchoRequest request = EchoRequest.newBuilder().setText("ok").setNumber(7).build();
      assertEquals(EchoResponse.newBuilder().setText("ok").setNumber(7).setServedBy("a").build(), echoReply(call(bind(client, "Echo"), request.toByteArray())));
      assertEquals(WireFormat.PROTOBUF, client.format());
    }
  }

  @Test
  void aStatusWithDetailsBecomesAnErrorReplyWithATypedDetail() throws Exception {
    try (Backend client = client("echo", a.port())) {
      Reply r = call(bind(client, "GetItem"), GetItemRequest.newBuilder().setSku("missing").build().toByteArray());
      assertFalse(r.isOk());
      Status s = r.status();
      assertEquals(StatusCode.NOT_FOUND, s.code());
      assertEquals("no item missing", s.message());
      Status.Detail d = s.detail().orElseThrow();
      assertEquals("polyglot.grpctest.v1.ItemNotFound", d.typeName());
      assertEquals(WireFormat.PROTOBUF, d.format());
      assertEquals(ItemNotFound.newBuilder().setSku("missing").setWarehouse(EchoBackend.MISSING_WAREHOUSE).build(), ItemNotFound.parseFrom(d.payload()));
    }
  }

  @Test
  void anUnreachableBackendIsUnavailableAndCreatingItDidNotConnect() throws Exception {
    try (Backend client = client("dark", GatewayFixture.unusedPort())) {
      Reply r = call(bind(client, "Echo"), new byte[0]);
      assertEquals(StatusCode.UNAVAILABLE, r.status().code());
      assertEquals("backend dark is unavailable", r.status().message());
    }
  }

  @Test
  void theDeadlineIsSentToTheBackendAndEnforced() throws Exception {
    try (Backend client = client("echo", a.port())) {
      byte[] slow = EchoRequest.newBuilder().setDelayMillis(1_000).build().toByteArray();
      Reply r = bind(client, "Echo").call(slow, Deadline.after(Duration.ofMillis(200)), Metadata.EMPTY).orTimeout(10, TimeUnit.SECONDS).join();
      assertEquals(StatusCode.DEADLINE_EXCEEDED, r.status().code());
      assertEquals("no reply from backend echo before the deadline", r.status().message());
      long seen = a.nextObserved().deadlineNanos();
      assertTrue(seen > 0 && seen <= TimeUnit.MILLISECONDS.toNanos(200), seen + " ns");
    }
  }

  @Test
  void anExpiredDeadlineIsNotSent() {
    try (Backend client = client("echo", a.port())) {
      Reply r = bind(client, "Echo").call(new byte[0], Deadline.afterNanos(-1), Metadata.EMPTY).join();
      assertEquals(StatusCode.DEADLINE_EXCEEDED, r.status().code());
      assertEquals("deadline exceeded before the call to backend echo was sent", r.status().message());
      assertEquals(0, a.calls());
    }
  }

  @Test
  void metadataIsSentWithoutHopHeaders() throws Exception {
    try (Backend client = client("echo", a.port())) {
      Metadata metadata = Metadata.of(
          "x-request-id", "42",
          "x-trace-bin", Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff}),
          "grpc-custom", "dropped",
          "content-type", "text/plain");
      Reply r = bind(client, "Echo").call(new byte[0], Deadline.NONE, metadata).orTimeout(10, TimeUnit.SECONDS).join();
      assertTrue(r.isOk());
      io.grpc.Metadata seen = a.nextObserved().headers();
      assertEquals("42", seen.get(io.grpc.Metadata.Key.of("x-request-id", io.grpc.Metadata.ASCII_STRING_MARSHALLER)));
      assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, seen.get(io.grpc.Metadata.Key.of("x-trace-bin", io.grpc.Metadata.BINARY_BYTE_MARSHALLER)));
      assertNull(seen.get(io.grpc.Metadata.Key.of("grpc-custom", io.grpc.Metadata.ASCII_STRING_MARSHALLER)));
      assertEquals("application/grpc", seen.get(io.grpc.Metadata.Key.of("content-type", io.grpc.Metadata.ASCII_STRING_MARSHALLER)));
    }
  }

  @Test
  void aHostNameEndpointIsResolved() throws Exception {
    try (Backend client = GrpcBackendFactory.of().create(BackendConfig.builder("named", BackendProtocol.GRPC).endpoint("localhost", a.port()).build())) {
      assertEquals("a", echoReply(call(bind(client, "Echo"), new byte[0])).getServedBy());
    }
  }

  @Test
  void anEndpointWhoseHostDoesNotResolveIsUnavailable() {
    try (Backend client = GrpcBackendFactory.of().create(BackendConfig.builder("lost", BackendProtocol.GRPC).endpoint("no-such-host.invalid", 50061).build())) {
      Reply r = call(bind(client, "Echo"), new byte[0]);
      assertEquals(StatusCode.UNAVAILABLE, r.status().code());
      assertEquals("backend lost is unavailable", r.status().message());
    }
  }

  @Test
  void callsAfterCloseAreUnavailable() {
    Backend client = client("echo", a.port());
    BackendMethod echo = bind(client, "Echo");
    client.close();
    client.close();
    Reply r = call(echo, new byte[0]);
    assertEquals(StatusCode.UNAVAILABLE, r.status().code());
    assertEquals("backend echo is closed", r.status().message());
  }

  @Test
  void bindingAStreamingMethodIsRefusedWithTheReason() {
    try (Backend client = client("echo", a.port())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bind(client, "Watch"));
      assertEquals("gRPC backend echo: method polyglot.grpctest.v1.EchoService/Watch is server-streaming (expected: unary)", e.getMessage());
    }
  }

  @Test
  void bindingAThriftServiceIsRefusedWithTheReason() {
    ServiceDef thrift = new ServiceDef("warehouse.Warehouse", "Warehouse", IdlKind.THRIFT, null, List.of(), Annotations.NONE, SourceLocation.UNKNOWN);
    try (Backend client = client("echo", a.port())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.bind(schema, thrift, echoService.method("Echo").orElseThrow()));
      assertEquals("gRPC backend echo cannot serve warehouse.Warehouse: it is a Thrift service (expected: a proto service)", e.getMessage());
    }
  }

  @Test
  void theFactoryServesGrpcBackendsOnly() {
    assertEquals(BackendProtocol.GRPC, GrpcBackendFactory.of().protocol());
    BackendConfig thrift = BackendConfig.builder("legacy", BackendProtocol.THRIFT).endpoint("127.0.0.1", 9091).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GrpcBackendFactory.of().create(thrift));
    assertEquals("backend legacy: protocol thrift (expected: grpc)", e.getMessage());
  }
}
