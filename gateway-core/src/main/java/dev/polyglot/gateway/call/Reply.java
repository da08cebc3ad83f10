package dev.polyglot.gateway.call;

import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.util.Objects;

/**
 * The outcome of a call: either payload bytes in some wire format, or a {@link Status}.
 *
 * <p>Contract for backend clients and translators: a declared exception (a Thrift {@code throws}
 * clause, a gRPC status with details) is an <em>error</em> reply whose status carries the exception
 * as its {@link Status.Detail} — never an ok reply — so that the cache and the filters see a failure
 * as a failure. An ok reply's payload is the success value: the proto response message, or for Thrift
 * the result struct holding the success field.
 *
 * <p>Buffers: the payload is owned by the reply and never mutated; a cached reply is shared by
 * every caller it is served to.
 */
public final class Reply {
  private final WireFormat format;
  private final byte[] payload;
  private final Status status;

  private Reply(WireFormat format, byte[] payload, Status status) {
    this.format = format;
    this.payload = payload;
    this.status = status;
  }

  public static Reply ok(WireFormat format, byte[] payload) {
    return new Reply(Objects.requireNonNull(format, "format"), Objects.requireNonNull(payload, "payload"), null);
  }

  public static Reply error(Status status) {
    if (status.code() == StatusCode.OK) throw new IllegalArgumentException("status: OK (expected: a failure code for an error reply)");
    return new Reply(null, null, status);
  }

  public static Reply error(StatusCode code, String message) {
    return error(Status.of(code, message));
  }

  public boolean isOk() {
    return status == null;
  }

  /** The payload's format; only for an ok reply. */
  public WireFormat format() {
    if (status != null) throw new IllegalStateException("an error reply has no format (status " + status.code() + ")");
    return format;
  }

  /** The payload; only for an ok reply. Never mutate it. */
  public byte[] payload() {
    if (status != null) throw new IllegalStateException("an error reply has no payload (status " + status.code() + ")");
    return payload;
  }

  /** The failure; only for an error reply. */
  public Status status() {
    if (status == null) throw new IllegalStateException("an ok reply has no status");
    return status;
  }

  @Override
  public String toString() {
    return status == null ? "Reply[ok, " + format + ", " + payload.length + " bytes]" : "Reply[" + status.code() + ": " + status.message() + "]";
  }
}
