package dev.polyglot.adapters.grpc.testing;

import dev.polyglot.adapters.grpc.testing.v1.EchoRequest;
import dev.polyglot.adapters.grpc.testing.v1.EchoResponse;
import dev.polyglot.adapters.grpc.testing.v1.EchoServiceGrpc;
import dev.polyglot.adapters.grpc.testing.v1.GetItemRequest;
import dev.polyglot.adapters.grpc.testing.v1.Item;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gRPC backend (generated {@code EchoServiceImplBase}, real Netty server on {@code 127.0.0.1:0})
 * that holds calls: {@code Echo} with a text starting {@code hold} and {@code GetItem} with a sku
 * starting {@code hold} are not answered until {@link #releaseAll()}; it records each held call's key
 * (the text or sku) when it arrives and again when grpc-java reports it cancelled (the caller's
 * RST_STREAM, its deadline, its connection closing). Other calls are answered at once: {@code Echo}
 * echoes the text with {@code served_by = "holding"}, {@code GetItem} returns an item named after the
 * sku.
 */
public final class HoldingBackend implements AutoCloseable {
  private final Server server;
  private final AtomicInteger calls = new AtomicInteger();
  private final BlockingQueue<String> held = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> cancelled = new LinkedBlockingQueue<>();
  private final List<Runnable> releases = new CopyOnWriteArrayList<>();

  private HoldingBackend() throws IOException {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(new Service()).build().start();
  }

  public static HoldingBackend start() throws IOException {
    return new HoldingBackend();
  }

  public int port() {
    return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
  }

  /** Calls received so far, held or not. */
  public int calls() {
    return calls.get();
  }

  /** The key of the next call that arrived and is held; fails the test if none arrives within 2 s. */
  public String nextHeld() throws InterruptedException {
    String key = held.poll(2, TimeUnit.SECONDS);
    if (key == null) throw new AssertionError("no held call reached the backend within 2 s");
    return key;
  }

  /** The key of the next held call cancelled, or null if none was within {@code wait}. */
  public String nextCancelled(Duration wait) throws InterruptedException {
    return cancelled.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Answers every held call that is not cancelled. */
  public void releaseAll() {
    releases.forEach(Runnable::run);
    releases.clear();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  private <T> void hold(String key, StreamObserver<T> responses, T answer) {
    ServerCallStreamObserver<T> call = (ServerCallStreamObserver<T>) responses;
    call.setOnCancelHandler(() -> cancelled.add(key));
    releases.add(() -> {
      if (call.isCancelled()) return;
      call.onNext(answer);
      call.onCompleted();
    });
    held.add(key);
  }

  private final class Service extends EchoServiceGrpc.EchoServiceImplBase {
    @Override
    public void echo(EchoRequest request, StreamObserver<EchoResponse> responses) {
      calls.incrementAndGet();
      EchoResponse answer = EchoResponse.newBuilder().setText(request.getText()).setServedBy("holding").build();
      if (request.getText().startsWith("hold")) {
        hold(request.getText(), responses, answer);
        return;
      }
      responses.onNext(answer);
      responses.onCompleted();
    }

    @Override
    public void getItem(GetItemRequest request, StreamObserver<Item> responses) {
      calls.incrementAndGet();
      Item answer = Item.newBuilder().setSku(request.getSku()).setName("Item " + request.getSku()).build();
      if (request.getSku().startsWith("hold")) {
        hold(request.getSku(), responses, answer);
        return;
      }
      responses.onNext(answer);
      responses.onCompleted();
    }
  }
}
