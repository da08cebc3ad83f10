package dev.polyglot.adapters.grpc.common;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Messages as raw bytes: the gateway never parses a message at the gRPC edge, it hands the bytes to
 * the pipeline (server side) or to the backend (client side).
 *
 * <p>Buffers: {@link #stream} wraps the array without copying, so the caller must not mutate it while
 * gRPC writes it; {@link #parse} returns a fresh array owned by the receiver.
 *
 * <p>Why the stream is {@link KnownLength} and {@link Drainable}: grpc-java's framer otherwise copies
 * a plain stream through a fresh 8 KiB buffer per message; with both it learns the size up front and
 * writes the array in one call. Symmetrically, {@link #parse} sizes one exact array from
 * {@link KnownLength#available()} (grpc's uncompressed inbound streams know their length) instead of
 * growing buffers in {@link InputStream#readAllBytes()}.
 */
public final class ByteArrayMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  public static final ByteArrayMarshaller INSTANCE = new ByteArrayMarshaller();

  private ByteArrayMarshaller() {}

  @Override
  public InputStream stream(byte[] value) {
    return new DrainableByteStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try (stream) {
      if (stream instanceof KnownLength) {
        int size = stream.available();
        byte[] message = new byte[size];
        int read = stream.readNBytes(message, 0, size);
        if (read != size) throw new EOFException("message ended after " + read + " of " + size + " bytes");
        return message;
      }
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

  /**
   * The array as a stream whose {@code available()} is the exact remaining length (what
   * {@link KnownLength} asks) and whose {@link #drainTo} writes the rest in one call. Single-threaded,
   * like any stream.
   */
  static final class DrainableByteStream extends ByteArrayInputStream implements KnownLength, Drainable {
    DrainableByteStream(byte[] value) {
      super(value);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int remaining = count - pos;
      target.write(buf, pos, remaining);
      pos = count;
      return remaining;
    }
  }
}
