package dev.polyglot.bench.load;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.MessageLite;
import dev.polyglot.interop.v1.EchoBinaryRequest;
import dev.polyglot.interop.v1.EchoBinaryResponse;
import dev.polyglot.interop.v1.EchoItemRequest;
import dev.polyglot.interop.v1.EchoStringRequest;
import dev.polyglot.interop.v1.EchoStringResponse;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import dev.polyglot.interop.v1.Item;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;

/**
 * gRPC client of {@code polyglot.interop.v1.InteropService} through the generated future stub. All
 * slots share one channel (one HTTP/2 connection, as a grpc-java client normally has); replies
 * complete on the channel's event loop ({@code directExecutor}), so the only hand-off is the one
 * back to the waiting slot thread.
 */
final class GrpcTarget implements LoadTarget {
  private static final int MAX_MESSAGE_BYTES = 64 << 20;

  private final String host;
  private final int port;
  private final Payload payload;
  private final ManagedChannel channel;
  private final InteropServiceGrpc.InteropServiceFutureStub stub;
  private final EchoStringRequest stringRequest;
  private final EchoBinaryRequest binaryRequest;
  private final EchoItemRequest itemRequest;

  GrpcTarget(String host, int port, Payload payload) {
    this.host = host;
    this.port = port;
    this.payload = payload;
    this.channel = NettyChannelBuilder.forAddress(host, port)
        .usePlaintext()
        .directExecutor()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .build();
    this.stub = InteropServiceGrpc.newFutureStub(channel);
    this.stringRequest = EchoStringRequest.newBuilder().setValue(Payload.text()).build();
    this.binaryRequest = EchoBinaryRequest.newBuilder().setValue(Payload.protoBinary()).build();
    this.itemRequest = EchoItemRequest.newBuilder().setItem(Payload.protoItem()).build();
  }

  @Override
  public Slot openSlot() {
    return new Slot() {
      @Override
      public void call() throws Exception {
        send().get(30, TimeUnit.SECONDS);
      }

      @Override
      public void verifiedCall() throws Exception {
        MessageLite reply = send().get(30, TimeUnit.SECONDS);
        boolean same = switch (payload) {
          case B100 -> ((EchoStringResponse) reply).getValue().equals(stringRequest.getValue());
          case KB16 -> ((EchoBinaryResponse) reply).getValue().equals(binaryRequest.getValue());
          case KB1 -> ((Item) reply).equals(itemRequest.getItem());
        };
        if (!same) throw new IllegalStateException(describe() + ": the reply differs from the request: " + abbreviate(reply));
      }

      @Override
      public void close() {}
    };
  }

  private ListenableFuture<? extends MessageLite> send() {
    return switch (payload) {
      case B100 -> stub.echoString(stringRequest);
      case KB16 -> stub.echoBinary(binaryRequest);
      case KB1 -> stub.echoItem(itemRequest);
    };
  }

  private static String abbreviate(MessageLite m) {
    String s = m.toString().replace('\n', ' ');
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  @Override
  public String describe() {
    return "gRPC " + host + ":" + port + " " + payload.protoMethod();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
