package dev.polyglot.conformance.runner;

import dev.polyglot.gateway.call.Reply;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.GoogleRpcStatus;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC client with byte-array marshallers: requests and replies are protobuf bytes the caller's
 * view encodes and decodes, so no generated stub is needed for any service. A failure's
 * {@code grpc-status-details-bin} trailer becomes the status detail (the declared exception).
 */
final class GrpcTargetClient implements TargetClient {
  private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
  private static final Metadata.Key<byte[]> DETAILS = Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);
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

  private final String authority;
  private final ManagedChannel channel;

  GrpcTargetClient(String host, int port) {
    this.authority = host + ":" + port;
    this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
  }

  @Override
  public WireFormat format() {
    return WireFormat.PROTOBUF;
  }

  @Override
  public Reply call(Schema schema, ServiceDef service, MethodDef method, byte[] request, Duration timeout) {
    MethodDescriptor<byte[], byte[]> descriptor = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(service.qualifiedName(), method.name()))
        .setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES)
        .build();
    try {
      byte[] reply = ClientCalls.blockingUnaryCall(channel, descriptor,
          CallOptions.DEFAULT.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS), request);
      return Reply.ok(WireFormat.PROTOBUF, reply);
    } catch (StatusRuntimeException e) {
      io.grpc.Status s = e.getStatus();
      StatusCode code = StatusCode.forNumber(s.getCode().value());
      String message = s.getDescription() == null ? "" : s.getDescription();
      if (code == StatusCode.UNAVAILABLE && s.getCause() != null && message.isEmpty()) message = "grpc://" + authority + ": " + s.getCause().getMessage();
      byte[] details = e.getTrailers() == null ? null : e.getTrailers().get(DETAILS);
      if (details != null) {
        GoogleRpcStatus rpc = GoogleRpcStatus.parseFrom(details);
        for (Status.Detail d : rpc.details()) {
          if (schema.struct(d.typeName()).isPresent()) return Reply.error(Status.of(code, message, d));
        }
      }
      return Reply.error(code, message);
    }
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
