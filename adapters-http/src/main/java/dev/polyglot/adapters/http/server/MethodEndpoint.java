package dev.polyglot.adapters.http.server;

import dev.polyglot.gateway.route.CompiledRoute;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.DeclaredExceptions;
import dev.polyglot.translate.status.Status;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the HTTP edge needs of one routed caller method, resolved once per route snapshot: the JSON
 * dialect of the caller's view, the declared exceptions (for {@code http.status}) and the request
 * type's field index. Immutable apart from the lazily filled field index, which is thread-safe.
 */
final class MethodEndpoint {
  final RouteMethod method;
  final WireFormat format;
  final DeclaredExceptions exceptions;
  final RequestFields fields;

  private MethodEndpoint(RouteMethod method, WireFormat format, DeclaredExceptions exceptions, RequestFields fields) {
    this.method = method;
    this.format = format;
    this.exceptions = exceptions;
    this.fields = fields;
  }

  static MethodEndpoint of(CompiledRoute route, RouteMethod method) {
    boolean thrift = route.callerService().idl() == IdlKind.THRIFT;
    DeclaredExceptions exceptions;
    try {
      exceptions = thrift ? DeclaredExceptions.of(route.schema(), method.callerMethod()) : DeclaredExceptions.none();
    } catch (IllegalArgumentException e) {
      // A bad http.status/grpc.code annotation: the route compiler reports it; here the code's status applies.
      exceptions = DeclaredExceptions.none();
    }
    StructDef request = route.schema().struct(method.callerMethod().request().qualifiedName()).orElse(null);
    String description = thrift ? "the arguments of " + method.callerMethod().name() : method.callerMethod().request().qualifiedName();
    RequestFields fields = request == null ? null : new RequestFields(route.schema(), request, description);
    return new MethodEndpoint(method, thrift ? WireFormat.THRIFT_JSON : WireFormat.PROTO_JSON, exceptions, fields);
  }

  String serviceName() {
    return method.route().callerService().qualifiedName();
  }

  String methodName() {
    return method.callerMethod().name();
  }

  /** A detail payload the translator delivered in the caller's JSON dialect, as text; else empty. */
  static Optional<String> detailJson(Status status) {
    return status.detail()
        .filter(d -> d.format() == WireFormat.THRIFT_JSON || d.format() == WireFormat.PROTO_JSON)
        .filter(d -> d.payload().length > 0)
        .map(d -> new String(d.payload(), StandardCharsets.UTF_8));
  }
}
