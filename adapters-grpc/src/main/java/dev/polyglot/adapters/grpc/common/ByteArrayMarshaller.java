package dev.polyglot.adapters.grpc.common;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Messages as raw bytes: the gateway never parses a message at the gRPC edge, it hands the bytes to
 * the pipeline (server side) or to the backend (client side).
 *
 * <p>Buffers: {@link #stream} wraps the array without copying, so the caller must not mutate it while
 * gRPC writes it; {@link #parse} returns a fresh array owned by the receiver.
 */
public final class ByteArrayMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  public static final ByteArrayMarshaller INSTANCE = new ByteArrayMarshaller();

  private ByteArrayMarshaller() {}

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try (stream) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unary method descriptor over raw bytes. */
  public static MethodDescriptor<byte[], byte[]> unary(String fullMethodName) {
    return method(fullMethodName, MethodDescriptor.MethodType.UNARY);
  }

  public static MethodDescriptor<byte[], byte[]> method(String fullMethodName, MethodDescriptor.MethodType type) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(type)
        .setFullMethodName(fullMethodName)
        .setRequestMarshaller(INSTANCE)
        .setResponseMarshaller(INSTANCE)
        .build();
  }
}
