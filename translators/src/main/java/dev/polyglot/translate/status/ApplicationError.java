package dev.polyglot.translate.status;

import dev.polyglot.translate.WireFormat;
import java.util.Objects;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * A Thrift {@code TApplicationException} as a neutral value: an undeclared failure, with its type
 * and message. {@link #encode}/{@link #decode} produce and read the struct body that follows a
 * Thrift {@code EXCEPTION} message header, using libthrift's own {@code TApplicationException}.
 */
public record ApplicationError(Type type, String message) implements ThriftError {

  /** The {@code TApplicationException} types, with their wire numbers. */
  public enum Type {
    UNKNOWN(TApplicationException.UNKNOWN),
    UNKNOWN_METHOD(TApplicationException.UNKNOWN_METHOD),
    INVALID_MESSAGE_TYPE(TApplicationException.INVALID_MESSAGE_TYPE),
    WRONG_METHOD_NAME(TApplicationException.WRONG_METHOD_NAME),
    BAD_SEQUENCE_ID(TApplicationException.BAD_SEQUENCE_ID),
    MISSING_RESULT(TApplicationException.MISSING_RESULT),
    INTERNAL_ERROR(TApplicationException.INTERNAL_ERROR),
    PROTOCOL_ERROR(TApplicationException.PROTOCOL_ERROR),
    INVALID_TRANSFORM(TApplicationException.INVALID_TRANSFORM),
    INVALID_PROTOCOL(TApplicationException.INVALID_PROTOCOL),
    UNSUPPORTED_CLIENT_TYPE(TApplicationException.UNSUPPORTED_CLIENT_TYPE);

    private static final Type[] BY_NUMBER = values();
    private final int number;

    Type(int number) {
      this.number = number;
    }

    public int number() {
      return number;
    }

    /** Unknown numbers are {@link #UNKNOWN}, as libthrift reads them. */
    public static Type forNumber(int number) {
      return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : UNKNOWN;
    }
  }

  public ApplicationError {
    Objects.requireNonNull(type, "type");
    message = message == null ? "" : message;
  }

  public static ApplicationError of(Type type, String message) {
    return new ApplicationError(type, message);
  }

  /**
   * What a Thrift caller gets for a status no declared exception stands for: {@code INTERNAL_ERROR}
   * carrying the status text, {@code "NOT_FOUND: no item 42"} (the code alone when the message is
   * empty), so the caller still learns the gRPC code.
   */
  public static ApplicationError of(Status status) {
    String text = status.message().isEmpty() ? status.code().name() : status.code().name() + ": " + status.message();
    return new ApplicationError(Type.INTERNAL_ERROR, text);
  }

  /**
   * The status a non-Thrift caller gets when a Thrift backend answers with this error. The message
   * is passed on as the backend wrote it. The code:
   *
   * <ul>
   *   <li>{@code UNKNOWN_METHOD} → {@link StatusCode#UNIMPLEMENTED}: the backend does not have the
   *       method, which is exactly what gRPC's UNIMPLEMENTED means (an HTTP caller gets 501).
   *   <li>{@code UNKNOWN} and {@code INTERNAL_ERROR} → {@link StatusCode#UNKNOWN}: the backend's
   *       handler failed with an undeclared exception; grpc-java reports an uncaught handler
   *       exception as UNKNOWN too.
   *   <li>every other type → {@link StatusCode#INTERNAL}: the exchange between gateway and backend
   *       broke (bad message type, sequence id, protocol, missing result), a fault of neither the
   *       caller nor its request.
   * </ul>
   */
  public Status toStatus() {
    StatusCode code = switch (type) {
      case UNKNOWN_METHOD -> StatusCode.UNIMPLEMENTED;
      case UNKNOWN, INTERNAL_ERROR -> StatusCode.UNKNOWN;
      case INVALID_MESSAGE_TYPE, WRONG_METHOD_NAME, BAD_SEQUENCE_ID, MISSING_RESULT, PROTOCOL_ERROR,
          INVALID_TRANSFORM, INVALID_PROTOCOL, UNSUPPORTED_CLIENT_TYPE -> StatusCode.INTERNAL;
    };
    return Status.of(code, message);
  }

  /**
   * The {@code TApplicationException} struct in {@link WireFormat#THRIFT_BINARY} or
   * {@link WireFormat#THRIFT_COMPACT} (no message header). Returns a fresh array the caller owns.
   */
  public byte[] encode(WireFormat format) {
    TMemoryBuffer buffer;
    try {
      buffer = new TMemoryBuffer(64 + message.length() * 3);
      new TApplicationException(type.number(), message).write(protocol(format, buffer));
    } catch (TException e) {
      throw new IllegalStateException("writing to memory failed", e); // cannot happen for a memory buffer
    }
    byte[] out = new byte[buffer.length()];
    System.arraycopy(buffer.getArray(), 0, out, 0, out.length);
    return out;
  }

  /**
   * Reads a {@code TApplicationException} struct.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static ApplicationError decode(byte[] bytes, WireFormat format) {
    try {
      TApplicationException e = TApplicationException.readFrom(protocol(format, new TMemoryInputTransport(bytes)));
      return new ApplicationError(Type.forNumber(e.getType()), e.getMessage());
    } catch (TException e) {
      throw new IllegalArgumentException("malformed TApplicationException: " + e.getMessage(), e);
    }
  }

  private static TProtocol protocol(WireFormat format, org.apache.thrift.transport.TTransport transport) {
    return switch (format) {
      case THRIFT_BINARY -> new TBinaryProtocol(transport);
      case THRIFT_COMPACT -> new TCompactProtocol(transport);
      case PROTOBUF, THRIFT_JSON, PROTO_JSON ->
          throw new IllegalArgumentException("a TApplicationException is Thrift binary or compact, not " + format);
    };
  }
}
