package dev.polyglot.gateway.call;

import dev.polyglot.translate.WireFormat;
import java.util.Objects;

/**
 * One unary call as an inbound adapter decoded it, before any translation.
 *
 * <p>Buffers: {@code request} is owned by the call from construction on; nobody mutates it. A
 * filter that needs different bytes creates a new call with {@link #withRequest}.
 *
 * @param service the caller's service (the IDL service the caller addresses), as named on the wire
 * @param method the method name as the caller wrote it
 * @param format how {@code request} is encoded (Thrift: the arguments struct without the message
 *     header; protobuf: the request message; JSON: the request object)
 * @param deadline the caller's deadline, or {@link Deadline#NONE}
 */
public record Call(String service, String method, WireFormat format, byte[] request, Deadline deadline, Metadata metadata) {

  public Call {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(metadata, "metadata");
  }

  public static Call of(String service, String method, WireFormat format, byte[] request) {
    return new Call(service, method, format, request, Deadline.NONE, Metadata.EMPTY);
  }

  /** The same call carrying other bytes in another format (after translation). */
  public Call withRequest(WireFormat newFormat, byte[] newRequest) {
    return new Call(service, method, newFormat, newRequest, deadline, metadata);
  }

  public Call withDeadline(Deadline newDeadline) {
    return new Call(service, method, format, request, newDeadline, metadata);
  }

  @Override
  public String toString() {
    return "Call[" + service + "/" + method + ", " + format + ", " + request.length + " bytes, " + deadline + "]";
  }
}
