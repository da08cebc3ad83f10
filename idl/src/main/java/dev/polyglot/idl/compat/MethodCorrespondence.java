package dev.polyglot.idl.compat;

import dev.polyglot.idl.MethodDef;
import java.util.List;
import java.util.Optional;

/**
 * A caller method bound to a backend method.
 *
 * @param request the caller's request struct (Thrift argument list or proto message) ↔ the
 *     backend's; a method without arguments has an empty argument struct, which corresponds to
 *     {@code google.protobuf.Empty} or any empty message
 * @param forwardOnly the caller's method is Thrift {@code oneway}: forward and do not wait
 */
public record MethodCorrespondence(
    MethodDef caller,
    MethodDef backend,
    StructCorrespondence request,
    ResultCorrespondence response,
    List<ExceptionCorrespondence> exceptions,
    boolean forwardOnly) {

  public MethodCorrespondence {
    exceptions = List.copyOf(exceptions);
  }

  /**
   * The declared exception a gRPC status code stands for toward a Thrift caller: the one exception
   * annotated with that {@code grpc.code}, when exactly one is (DESIGN.md, "Errors"); else empty,
   * and the caller gets a {@code TApplicationException}.
   */
  public Optional<ExceptionCorrespondence> exceptionForCode(String grpcCode) {
    ExceptionCorrespondence found = null;
    for (ExceptionCorrespondence e : exceptions) {
      if (!e.grpcCode().equals(grpcCode)) continue;
      if (found != null) return Optional.empty();
      found = e;
    }
    return Optional.ofNullable(found);
  }
}
