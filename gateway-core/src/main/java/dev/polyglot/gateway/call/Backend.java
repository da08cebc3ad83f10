package dev.polyglot.gateway.call;

import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.translate.WireFormat;

/**
 * A client of one configured backend (endpoints, pooling, load balancing), written by a protocol
 * adapter and created by its {@link BackendFactory}. Thread-safe: one instance serves every route
 * and call naming that backend.
 */
public interface Backend extends AutoCloseable {
  /** The wire format of the requests it takes and the ok replies it returns. */
  WireFormat format();

  /**
   * Prepares calls to one method of {@code service} (on the backend's side): precompute what the
   * wire needs (the gRPC method descriptor, the Thrift message name, the declared exceptions by field
   * id with their types and {@code grpc.code} annotations looked up in {@code schema}). Called when a
   * route is compiled, never per call; may be called again for the same method after an IDL change.
   *
   * @throws IllegalArgumentException when the method cannot be called over this backend's protocol
   *     (the message becomes part of the route's rejection report)
   */
  BackendMethod bind(Schema schema, ServiceDef service, MethodDef method);

  /**
   * Whether every call answers {@code DEADLINE_EXCEEDED} by itself once the deadline it was given
   * passes (a gRPC deadline, socket timeouts). When true the pipeline sets no timer of its own per
   * call; when false (the default) it does, and answers for a client that never replies.
   */
  default boolean enforcesDeadline() {
    return false;
  }

  /**
   * Releases connections. Calls in flight may complete or fail with {@code UNAVAILABLE}; later calls
   * fail with {@code UNAVAILABLE}. Idempotent.
   */
  @Override
  void close();
}
