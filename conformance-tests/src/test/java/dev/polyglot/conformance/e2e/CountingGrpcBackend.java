package dev.polyglot.conformance.e2e;

import com.google.protobuf.Any;
import dev.polyglot.interop.v1.Dimensions;
import dev.polyglot.interop.v1.EchoMapRequest;
import dev.polyglot.interop.v1.EchoMapResponse;
import dev.polyglot.interop.v1.GetItemRequest;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import dev.polyglot.interop.v1.Item;
import dev.polyglot.interop.v1.ItemNotFound;
import dev.polyglot.interop.v1.ReserveRequest;
import dev.polyglot.interop.v1.ReserveResponse;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A gRPC backend of the interop service whose calls the cache tests count: getItem, reserve and
 * echoMap only (a getItem of a sku starting with {@code slow-} takes 300 ms), every answer marked with the backend's name (the item's {@code description}, the
 * reserve result's offset) so a test can tell which backend produced a cached reply. Thread-safe.
 */
final class CountingGrpcBackend extends InteropServiceGrpc.InteropServiceImplBase implements AutoCloseable {
  final String name;
  final AtomicInteger getItemCalls = new AtomicInteger();
  final AtomicInteger reserveCalls = new AtomicInteger();
  final AtomicInteger echoMapCalls = new AtomicInteger();
  /** The headers of the latest call. */
  final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();
  /** The milliseconds left before the deadline of the latest getItem when it arrived, or -1 for none. */
  final AtomicLong lastDeadlineMillis = new AtomicLong();
  private final Server server;

  private CountingGrpcBackend(String name) throws IOException {
    this.name = name;
    ServerInterceptor recordHeaders = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        lastHeaders.set(headers);
        return next.startCall(call, headers);
      }
    };
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(ServerInterceptors.intercept(this, recordHeaders)).build().start();
  }

  static CountingGrpcBackend start(String name) throws IOException {
    return new CountingGrpcBackend(name);
  }

  int port() {
    return server.getPort();
  }

  /** The item getItem answers for {@code sku}. */
  Item item(String sku) {
    return Item.newBuilder().setSku(sku).setDescription("from " + name).setQuantity(7)
        .setDims(Dimensions.newBuilder().setWidthCm(10).setHeightCm(20)).addTags("stock").setOrigin("warehouse").build();
  }

  @Override
  public void getItem(GetItemRequest request, StreamObserver<Item> out) {
    getItemCalls.incrementAndGet();
    Deadline deadline = Context.current().getDeadline();
    lastDeadlineMillis.set(deadline == null ? -1 : deadline.timeRemaining(TimeUnit.MILLISECONDS));
    if (request.getSku().startsWith("slow-")) {
      // Slow enough for concurrent callers to arrive while this call is in flight.
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (request.getSku().equals("missing")) {
      ItemNotFound e = ItemNotFound.newBuilder().setMessage("no item with sku missing").setSku("missing").build();
      out.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
          .setCode(io.grpc.Status.Code.NOT_FOUND.value()).setMessage(e.getMessage()).addDetails(Any.pack(e)).build()));
      return;
    }
    out.onNext(item(request.getSku()));
    out.onCompleted();
  }

  @Override
  public void reserve(ReserveRequest request, StreamObserver<ReserveResponse> out) {
    reserveCalls.incrementAndGet();
    out.onNext(ReserveResponse.newBuilder().setValue(100 - request.getQuantity()).build());
    out.onCompleted();
  }

  @Override
  public void echoMap(EchoMapRequest request, StreamObserver<EchoMapResponse> out) {
    echoMapCalls.incrementAndGet();
    out.onNext(EchoMapResponse.newBuilder().putAllValue(request.getValueMap()).build());
    out.onCompleted();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
