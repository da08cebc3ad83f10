package dev.polyglot.adapters.grpc.common;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import io.grpc.Metadata;
import io.grpc.protobuf.ProtoUtils;
import java.util.Optional;

/**
 * The gateway's error model ({@link Status}) on the gRPC wire: the code, the message as the status
 * description, and a typed detail as a {@code google.rpc.Status} in the {@code grpc-status-details-bin}
 * trailer whose {@code details} hold one {@code Any} ({@code type.googleapis.com/<full message name>}).
 * Thread-safe (stateless).
 */
public final class StatusMapping {
  /** {@code grpc-status-details-bin}. */
  public static final Metadata.Key<com.google.rpc.Status> DETAILS_KEY =
      Metadata.Key.of("grpc-status-details-bin", ProtoUtils.metadataMarshaller(com.google.rpc.Status.getDefaultInstance()));

  private static final String TYPE_URL_PREFIX = "type.googleapis.com/";

  private StatusMapping() {}

  public static io.grpc.Status.Code toGrpc(StatusCode code) {
    return switch (code) {
      case OK -> io.grpc.Status.Code.OK;
      case CANCELLED -> io.grpc.Status.Code.CANCELLED;
      case UNKNOWN -> io.grpc.Status.Code.UNKNOWN;
      case INVALID_ARGUMENT -> io.grpc.Status.Code.INVALID_ARGUMENT;
      case DEADLINE_EXCEEDED -> io.grpc.Status.Code.DEADLINE_EXCEEDED;
      case NOT_FOUND -> io.grpc.Status.Code.NOT_FOUND;
      case ALREADY_EXISTS -> io.grpc.Status.Code.ALREADY_EXISTS;
      case PERMISSION_DENIED -> io.grpc.Status.Code.PERMISSION_DENIED;
      case RESOURCE_EXHAUSTED -> io.grpc.Status.Code.RESOURCE_EXHAUSTED;
      case FAILED_PRECONDITION -> io.grpc.Status.Code.FAILED_PRECONDITION;
      case ABORTED -> io.grpc.Status.Code.ABORTED;
      case OUT_OF_RANGE -> io.grpc.Status.Code.OUT_OF_RANGE;
      case UNIMPLEMENTED -> io.grpc.Status.Code.UNIMPLEMENTED;
      case INTERNAL -> io.grpc.Status.Code.INTERNAL;
      case UNAVAILABLE -> io.grpc.Status.Code.UNAVAILABLE;
      case DATA_LOSS -> io.grpc.Status.Code.DATA_LOSS;
      case UNAUTHENTICATED -> io.grpc.Status.Code.UNAUTHENTICATED;
    };
  }

  public static StatusCode fromGrpc(io.grpc.Status.Code code) {
    return switch (code) {
      case OK -> StatusCode.OK;
      case CANCELLED -> StatusCode.CANCELLED;
      case UNKNOWN -> StatusCode.UNKNOWN;
      case INVALID_ARGUMENT -> StatusCode.INVALID_ARGUMENT;
      case DEADLINE_EXCEEDED -> StatusCode.DEADLINE_EXCEEDED;
      case NOT_FOUND -> StatusCode.NOT_FOUND;
      case ALREADY_EXISTS -> StatusCode.ALREADY_EXISTS;
      case PERMISSION_DENIED -> StatusCode.PERMISSION_DENIED;
      case RESOURCE_EXHAUSTED -> StatusCode.RESOURCE_EXHAUSTED;
      case FAILED_PRECONDITION -> StatusCode.FAILED_PRECONDITION;
      case ABORTED -> StatusCode.ABORTED;
      case OUT_OF_RANGE -> StatusCode.OUT_OF_RANGE;
      case UNIMPLEMENTED -> StatusCode.UNIMPLEMENTED;
      case INTERNAL -> StatusCode.INTERNAL;
      case UNAVAILABLE -> StatusCode.UNAVAILABLE;
      case DATA_LOSS -> StatusCode.DATA_LOSS;
      case UNAUTHENTICATED -> StatusCode.UNAUTHENTICATED;
    };
  }

  /** The status to close a server call with: code and message (the detail goes in {@link #trailers}). */
  public static io.grpc.Status toGrpc(Status status) {
    return io.grpc.Status.fromCode(toGrpc(status.code())).withDescription(status.message().isEmpty() ? null : status.message());
  }

  /**
   * Trailers carrying the status's detail as {@code grpc-status-details-bin}; empty when there is no
   * detail or it is not in protobuf format (a gRPC caller could not decode anything else).
   */
  public static Metadata trailers(Status status) {
    Metadata trailers = new Metadata();
    Optional<Status.Detail> detail = status.detail();
    if (detail.isPresent() && detail.get().format() == WireFormat.PROTOBUF) {
      Status.Detail d = detail.get();
      com.google.rpc.Status rpc = com.google.rpc.Status.newBuilder()
          .setCode(status.code().number())
          .setMessage(status.message())
          .addDetails(Any.newBuilder().setTypeUrl(TYPE_URL_PREFIX + d.typeName()).setValue(ByteString.copyFrom(d.payload())))
          .build();
      trailers.put(DETAILS_KEY, rpc);
    }
    return trailers;
  }

  /**
   * The neutral status for a gRPC status received from a peer, with the first {@code Any} of its
   * {@code grpc-status-details-bin} trailer (if any) as the detail: type name from the type URL (the
   * text after its last {@code /}), protobuf bytes from the value.
   *
   * @param message the message to carry (the caller decides whether the peer's description is safe)
   */
  public static Status fromGrpc(io.grpc.Status status, Metadata trailers, String message) {
    StatusCode code = fromGrpc(status.getCode());
    com.google.rpc.Status rpc = trailers == null ? null : detailsOrNull(trailers);
    if (rpc != null && rpc.getDetailsCount() > 0) {
      Any any = rpc.getDetails(0);
      String url = any.getTypeUrl();
      String typeName = url.substring(url.lastIndexOf('/') + 1);
      return Status.of(code, message, new Status.Detail(typeName, WireFormat.PROTOBUF, any.getValue().toByteArray()));
    }
    return Status.of(code, message);
  }

  private static com.google.rpc.Status detailsOrNull(Metadata trailers) {
    try {
      return trailers.get(DETAILS_KEY);
    } catch (IllegalArgumentException e) {
      // A peer sent bytes that are not a google.rpc.Status: keep the code and message, drop the detail.
      return null;
    }
  }
}
