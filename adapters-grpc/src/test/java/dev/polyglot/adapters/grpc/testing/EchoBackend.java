package dev.polyglot.adapters.grpc.testing;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import dev.polyglot.adapters.grpc.testing.v1.Color;
import dev.polyglot.adapters.grpc.testing.v1.EchoRequest;
import dev.polyglot.adapters.grpc.testing.v1.EchoResponse;
import dev.polyglot.adapters.grpc.testing.v1.EchoServiceGrpc;
import dev.polyglot.adapters.grpc.testing.v1.GetItemRequest;
import dev.polyglot.adapters.grpc.testing.v1.Item;
import dev.polyglot.adapters.grpc.testing.v1.ItemNotFound;
import io.grpc.Context;
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
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gRPC backend written on the generated {@code EchoServiceImplBase}, on a real Netty server at
 * {@code 127.0.0.1:0}. Every call is recorded (method, headers, the deadline the backend saw), so tests
 * can check what reached it.
 *
 * <p>Behaviour: {@code Echo} waits {@code delay_millis}, then echoes the request with {@code served_by}
 * set to the backend's name; {@code GetItem} answers {@code NOT_FOUND "no item <sku>"} with an
 * {@code ItemNotFound(sku, warehouse 7)} detail for sku {@code missing}, {@code UNAVAILABLE "warehouse
 * busy"} (its own, without details) for sku {@code busy}, else an item; {@code Watch}
 * streams the request twice.
 */
public final class EchoBackend implements AutoCloseable {
  public static final int MISSING_WAREHOUSE = 7;

  /** One call as the backend saw it; {@code deadlineNanos} is -1 when the call had no deadline. */
  public record Observed(String method, Metadata headers, long deadlineNanos) {}

  private final String name;
  private final Server server;
  private final AtomicInteger calls = new AtomicInteger();
  private final BlockingQueue<Observed> observed = new LinkedBlockingQueue<>();

  private EchoBackend(String name) throws IOException {
    this.name = name;
    ServerInterceptor recorder = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        io.grpc.Deadline d = Context.current().getDeadline();
        calls.incrementAndGet();
        observed.add(new Observed(call.getMethodDescriptor().getFullMethodName(), headers, d == null ? -1 : d.timeRemaining(TimeUnit.NANOSECONDS)));
        return next.startCall(call, headers);
      }
    };
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(new Service(), recorder))
        .build()
        .start();
  }

  public static EchoBackend start(String name) throws IOException {
    return new EchoBackend(name);
  }

  public String name() {
    return name;
  }

  public int port() {
    return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
  }

  public int calls() {
    return calls.get();
  }

  public void resetCalls() {
    calls.set(0);
    observed.clear();
  }

  /** The next recorded call, waiting up to 5 seconds; fails the test if none came. */
  public Observed nextObserved() throws InterruptedException {
    Observed o = observed.poll(5, TimeUnit.SECONDS);
    if (o == null) throw new AssertionError("backend " + name + " received no call within 5 s");
    return o;
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  private final class Service extends EchoServiceGrpc.EchoServiceImplBase {
    @Override
    public void echo(EchoRequest request, StreamObserver<EchoResponse> responses) {
      if (request.getDelayMillis() > 0) {
        try {
          Thread.sleep(request.getDelayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      responses.onNext(EchoResponse.newBuilder()
          .setText(request.getText())
          .setNumber(request.getNumber())
          .setBlob(request.getBlob())
          .setServedBy(name)
          .build());
      responses.onCompleted();
    }

    @Override
    public void getItem(GetItemRequest request, StreamObserver<Item> responses) {
      if (request.getSku().equals("missing")) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
            .setCode(io.grpc.Status.Code.NOT_FOUND.value())
            .setMessage("no item " + request.getSku())
            .addDetails(Any.pack(ItemNotFound.newBuilder().setSku(request.getSku()).setWarehouse(MISSING_WAREHOUSE).build()))
            .build();
        responses.onError(StatusProto.toStatusRuntimeException(status));
        return;
      }
      if (request.getSku().equals("busy")) {
        responses.onError(io.grpc.Status.UNAVAILABLE.withDescription("warehouse busy").asRuntimeException());
        return;
      }
      responses.onNext(Item.newBuilder()
          .setSku(request.getSku())
          .setName("Item " + request.getSku())
          .setUpdated(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5))
          .setColor(Color.COLOR_RED)
          .build());
      responses.onCompleted();
    }

    @Override
    public void ping(Empty request, StreamObserver<Empty> responses) {
      responses.onNext(Empty.getDefaultInstance());
      responses.onCompleted();
    }

    @Override
    public void watch(EchoRequest request, StreamObserver<EchoResponse> responses) {
      EchoResponse r = EchoResponse.newBuilder().setText(request.getText()).setServedBy(name).build();
      responses.onNext(r);
      responses.onNext(r);
      responses.onCompleted();
    }
  }
}
