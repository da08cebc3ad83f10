package dev.polyglot.conformance.suite;

import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.interop.v1.EchoEnumResponse;
import dev.polyglot.interop.v1.EchoI64Response;
import dev.polyglot.interop.v1.GetItemRequest;
import dev.polyglot.interop.v1.Item;
import dev.polyglot.interop.v1.MemberTier;
import io.grpc.CallOptions;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC reference backend with three planted bugs, as a rewrite might have them: {@code EchoI64}
 * answers one more for values beyond 2^53 (a trip through a double gone wrong), {@code EchoEnum}
 * answers SILVER for GOLD, and {@code GetItem} drops ItemNotFound, answering "missing" like any sku.
 * Every other call is forwarded byte for byte to a real reference backend behind it.
 */
final class PlantedBugBackend implements AutoCloseable {
  private static final long TWO_TO_53 = 1L << 53;
  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private final RunningBackend reference;
  private final ManagedChannel channel;
  private final Server server;

  PlantedBugBackend() {
    reference = ReferenceBackends.startGrpc(0);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", reference.port()).usePlaintext().maxInboundMessageSize(64 << 20).build();
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .maxInboundMessageSize(64 << 20)
        .fallbackHandlerRegistry(new HandlerRegistry() {
          @Override
          public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
            return methodName.startsWith(InteropIdl.PROTO_SERVICE + "/") ? forward(methodName) : null;
          }
        })
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getPort();
  }

  private ServerMethodDefinition<byte[], byte[]> forward(String fullName) {
    MethodDescriptor<byte[], byte[]> md = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(fullName)
        .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    String method = fullName.substring(fullName.indexOf('/') + 1);
    return ServerMethodDefinition.create(md, ServerCalls.asyncUnaryCall((request, reply) -> {
      try {
        byte[] answer;
        try {
          answer = ClientCalls.blockingUnaryCall(channel, md, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request);
        } catch (StatusRuntimeException e) {
          if (method.equals("GetItem") && e.getStatus().getCode() == Status.Code.NOT_FOUND) {
            String sku = GetItemRequest.parseFrom(request).getSku();
            answer = ClientCalls.blockingUnaryCall(channel, md, CallOptions.DEFAULT,
                GetItemRequest.newBuilder().setSku("stand-in").build().toByteArray());
            answer = Item.parseFrom(answer).toBuilder().setSku(sku).build().toByteArray();
          } else {
            reply.onError(e.getStatus().asRuntimeException(e.getTrailers()));
            return;
          }
        }
        reply.onNext(plant(method, answer));
        reply.onCompleted();
      } catch (IOException e) {
        reply.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
      }
    }));
  }

  private static byte[] plant(String method, byte[] answer) throws IOException {
    switch (method) {
      case "EchoI64" -> {
        long v = EchoI64Response.parseFrom(answer).getValue();
        return v > TWO_TO_53 && v < Long.MAX_VALUE ? EchoI64Response.newBuilder().setValue(v + 1).build().toByteArray() : answer;
      }
      case "EchoEnum" -> {
        MemberTier t = EchoEnumResponse.parseFrom(answer).getValue();
        return t == MemberTier.MEMBER_TIER_GOLD ? EchoEnumResponse.newBuilder().setValue(MemberTier.MEMBER_TIER_SILVER).build().toByteArray() : answer;
      }
      default -> {
        return answer;
      }
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
    channel.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reference.close();
  }
}
