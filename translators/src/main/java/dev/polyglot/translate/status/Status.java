package dev.polyglot.translate.status;

import dev.polyglot.translate.WireFormat;
import java.util.Optional;

/**
 * The outcome of a failed call, protocol-neutral: a code, a message safe to show to the caller, and
 * optionally a typed detail (a declared exception). Immutable.
 */
public record Status(StatusCode code, String message, Optional<Detail> detail) {

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
   * A typed error value: a declared exception (Thrift) or the message packed in a
   * {@code google.rpc.Status} detail (proto), encoded in {@code format} as a value of the schema
   * type {@code typeName} (qualified). The array is owned by this record; never mutate it.
   */
  public record Detail(String typeName, WireFormat format, byte[] payload) {}
}
