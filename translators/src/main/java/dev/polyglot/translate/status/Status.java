package dev.polyglot.translate.status;

import dev.polyglot.translate.WireFormat;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a failed call, protocol-neutral: a code, a message safe to show to the caller, and
 * optionally a typed detail (a declared exception). Immutable.
 *
 * <p>Conversions to and from each protocol's error shape live next to this class:
 * {@link GoogleRpcStatus} (gRPC), {@link DeclaredExceptions} and {@link ApplicationError} (Thrift),
 * {@link HttpErrorResponse} (HTTP/JSON).
 */
public record Status(StatusCode code, String message, Optional<Detail> detail) {

  public Status {
    Objects.requireNonNull(code, "code");
    message = message == null ? "" : message;
    Objects.requireNonNull(detail, "detail");
  }

  public static Status of(StatusCode code, String message) {
    return new Status(code, message == null ? "" : message, Optional.empty());
  }

  public static Status of(StatusCode code, String message, Detail detail) {
    return new Status(code, message == null ? "" : message, Optional.of(detail));
  }

  public Status withMessage(String newMessage) {
    return new Status(code, newMessage, detail);
  }

  /**
   * The same status carrying {@code newDetail} instead: used when a binding re-encodes the detail
   * for the other side (a Thrift exception's bytes become the proto message of the same simple
   * name before {@link GoogleRpcStatus#of(Status)}).
   */
  public Status withDetail(Detail newDetail) {
    return new Status(code, message, Optional.of(newDetail));
  }

  public Status withoutDetail() {
    return new Status(code, message, Optional.empty());
  }

  /**
   * A typed error value: a declared exception (Thrift) or the message packed in a
   * {@code google.rpc.Status} detail (proto), encoded in {@code format} as a value of the schema
   * type {@code typeName} (qualified). The array is owned by this record; never mutate it.
   * Equality compares the payload's contents.
   */
  public record Detail(String typeName, WireFormat format, byte[] payload) {
    public Detail {
      Objects.requireNonNull(typeName, "typeName");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(payload, "payload");
    }

    public static Detail of(String typeName, WireFormat format, byte[] payload) {
      return new Detail(typeName, format, payload);
    }

    /** The simple name: {@code ItemNotFound} for {@code acme.v1.ItemNotFound}. */
    public String simpleName() {
      return typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Detail d && typeName.equals(d.typeName) && format == d.format && Arrays.equals(payload, d.payload);
    }

    @Override
    public int hashCode() {
      return (typeName.hashCode() * 31 + format.hashCode()) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "Detail[" + typeName + ", " + format + ", " + payload.length + " bytes]";
    }
  }
}
