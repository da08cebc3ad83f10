package dev.polyglot.conformance.e2e;

import static dev.polyglot.conformance.testing.ThriftValue.i32;
import static dev.polyglot.conformance.testing.ThriftValue.map;
import static dev.polyglot.conformance.testing.ThriftValue.str;
import static dev.polyglot.conformance.testing.ThriftValue.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.testing.ThriftTestClient;
import dev.polyglot.conformance.testing.ThriftValue;
import dev.polyglot.interop.v1.GetItemRequest;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import dev.polyglot.interop.v1.Item;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.protocol.TType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The response cache end to end, counting the calls that reach a backend: equal requests are
 * answered from the cache whatever their field or map order and whatever the caller's protocol;
 * failures are not cached; a changed route never serves an entry of its previous version.
 */
class ResponseCacheTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  CountingGrpcBackend first;
  CountingGrpcBackend second;
  E2eGateway gateway;
  ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    first = CountingGrpcBackend.start("first");
    second = CountingGrpcBackend.start("second");
    gateway = E2eGateway.start("""
        backends:
          first:
            protocol: grpc
            endpoints: [ "127.0.0.1:%d" ]
          second:
            protocol: grpc
            endpoints: [ "127.0.0.1:%d" ]
        routes:
          - service: polyglot.interop.v1.InteropService
            backend: first
            cache: { methods: [ GetItem ], ttl: 5m }
          - service: interop.Interop
            backend: first
            backend_service: polyglot.interop.v1.InteropService
            cache: { methods: [ getItem, reserve, echoMap ], ttl: 5m }
        """.formatted(first.port(), second.port()));
    channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.grpcPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow();
      channel.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (gateway != null) gateway.close();
    first.close();
    second.close();
  }

  InteropServiceGrpc.InteropServiceBlockingStub stub() {
    return InteropServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  JsonNode cacheStats() throws Exception {
    Http.Response r = Http.get(gateway.adminPort(), "/cache");
    assertEquals(200, r.status(), r.body());
    return JSON.readTree(r.body());
  }

  @Test
  void aSecondEqualRequestIsAnsweredFromTheCacheWithoutReachingTheBackend() throws Exception {
    GetItemRequest request = GetItemRequest.newBuilder().setSku("lamp-3").build();
    assertEquals(first.item("lamp-3"), stub().getItem(request));
    assertEquals(first.item("lamp-3"), stub().getItem(request));
    assertEquals(1, first.getItemCalls.get(), "calls that reached the backend");
    JsonNode stats = cacheStats();
    assertEquals(1, stats.get("hits").asLong(), stats.toString());
    assertEquals(1, stats.get("misses").asLong(), stats.toString());
    assertEquals(first.item("other"), stub().getItem(GetItemRequest.newBuilder().setSku("other").build()));
    assertEquals(2, first.getItemCalls.get(), "a different request is a miss");
  }

  @Test
  void concurrentIdenticalMissesShareOneBackendCall() throws Exception {
    GetItemRequest request = GetItemRequest.newBuilder().setSku("slow-1").build();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Item>> replies = new ArrayList<>();
      for (int i = 0; i < 8; i++) replies.add(callers.submit(() -> stub().getItem(request)));
      for (var reply : replies) assertEquals(first.item("slow-1"), reply.get(10, TimeUnit.SECONDS));
    } finally {
      callers.shutdownNow();
    }
    assertEquals(1, first.getItemCalls.get(), "calls that reached the backend");
  }

  @Test
  void declaredExceptionsAreNotCached() {
    GetItemRequest missing = GetItemRequest.newBuilder().setSku("missing").build();
    for (int i = 0; i < 2; i++) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub().getItem(missing));
      assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    }
    assertEquals(2, first.getItemCalls.get(), "calls that reached the backend");
  }

  @Test
  void requestsEqualInValueShareOneEntryWhateverTheirFieldOrMapOrderOrCallerProtocol() throws Exception {
    Http.Response a = Http.post(gateway.httpPort(), "/interop.Interop/reserve", "{\"sku\": \"desk-42\", \"quantity\": 3}");
    Http.Response b = Http.post(gateway.httpPort(), "/interop.Interop/reserve", "{\"quantity\": 3, \"sku\": \"desk-42\"}");
    assertEquals(new Http.Response(200, "97", a.contentType()), a);
    assertEquals(a, b);
    try (ThriftTestClient thrift =
        new ThriftTestClient(gateway.thriftPort(), ThriftTransport.FRAMED, ThriftEncoding.COMPACT)) {
      assertEquals(struct(0, i32(97)), thrift.result("reserve", struct(1, str("desk-42"), 3, i32(3))));
      assertEquals(1, first.reserveCalls.get(), "reserve calls that reached the backend");

      Http.Response m1 = Http.post(gateway.httpPort(), "/interop.Interop/echoMap", "{\"value\": {\"1\": \"a\", \"2\": \"b\"}}");
      Http.Response m2 = Http.post(gateway.httpPort(), "/interop.Interop/echoMap", "{\"value\": {\"2\": \"b\", \"1\": \"a\"}}");
      assertEquals(200, m1.status(), m1.body());
      assertEquals(JSON.readTree("{\"1\": \"a\", \"2\": \"b\"}"), JSON.readTree(m1.body()));
      assertEquals(JSON.readTree(m1.body()), JSON.readTree(m2.body()));
      ThriftValue.Struct reply =
          thrift.result("echoMap", struct(1, map(TType.I32, TType.STRING, i32(2), str("b"), i32(1), str("a"))));
      assertEquals(1, first.echoMapCalls.get(), "echoMap calls that reached the backend");
      // The cached reply is the first request's: keys in the order that request gave them.
      assertEquals(struct(0, map(TType.I32, TType.STRING, i32(1), str("a"), i32(2), str("b"))), reply);
    }
    JsonNode stats = cacheStats();
    assertEquals(4, stats.get("hits").asLong(), stats.toString());
    assertEquals(2, stats.get("misses").asLong(), stats.toString());
  }

  @Test
  void aChangedRouteNeverServesAnEntryOfItsPreviousVersion() throws Exception {
    GetItemRequest request = GetItemRequest.newBuilder().setSku("lamp-3").build();
    assertEquals(first.item("lamp-3"), stub().getItem(request));
    assertEquals(first.item("lamp-3"), stub().getItem(request));
    assertEquals(1, first.getItemCalls.get());

    Http.Response put = Http.put(gateway.adminPort(), "/routes/polyglot.interop.v1.InteropService",
        "{\"backend\": \"second\", \"cache\": {\"methods\": [\"GetItem\"], \"ttl\": \"5m\"}}");
    assertEquals(200, put.status(), put.body());

    assertEquals(second.item("lamp-3"), stub().getItem(request));
    assertEquals(second.item("lamp-3"), stub().getItem(request));
    assertEquals(1, second.getItemCalls.get(), "the new route's backend answered once, then its entry was used");
    assertEquals(1, first.getItemCalls.get(), "the old backend was not called again");

    // Back to the first backend: a new route version, so a new entry, not the one cached before the change.
    Http.Response back = Http.put(gateway.adminPort(), "/routes/polyglot.interop.v1.InteropService",
        "{\"backend\": \"first\", \"cache\": {\"methods\": [\"GetItem\"], \"ttl\": \"5m\"}}");
    assertEquals(200, back.status(), back.body());
    assertEquals(first.item("lamp-3"), stub().getItem(request));
    assertEquals(2, first.getItemCalls.get(), "the entry of the route's earlier version was not served");
  }
}
