package dev.polyglot.adapters.grpc.server;

import dev.polyglot.adapters.grpc.common.ByteArrayMarshaller;
import dev.polyglot.gateway.pipeline.CallDispatcher;
import dev.polyglot.gateway.route.CompiledRoute;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import io.grpc.HandlerRegistry;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gRPC server's fallback registry: every method of every routed proto service, resolved per call
 * against the snapshot being served, so routes applied at run time are callable at once.
 *
 * <p>Design note: a lookup is a router lookup ({@code RouteSnapshot.method}) and then an identity-map
 * lookup of the {@link ServerMethodDefinition} built for that {@link RouteMethod}. The map belongs to
 * one snapshot and is rebuilt when the served snapshot changes, keeping the definitions of route
 * methods carried over unchanged; a call never builds a definition. Names that resolve to nothing get
 * a definition made on the spot that closes the call with {@code UNIMPLEMENTED} and a message saying
 * what was wrong (the error path may allocate).
 */
final class RouteHandlerRegistry extends HandlerRegistry {
  private final CallDispatcher dispatcher;
  /** Racing rebuilds are harmless: both results are equivalent and the last write wins. */
  private volatile Definitions current = new Definitions(RouteSnapshot.EMPTY, new IdentityHashMap<>());

  RouteHandlerRegistry(CallDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public ServerMethodDefinition<?, ?> lookupMethod(String fullMethodName, String authority) {
    RouteSnapshot snapshot = dispatcher.router().snapshot();
    int slash = fullMethodName.lastIndexOf('/');
    if (slash <= 0 || slash == fullMethodName.length() - 1) {
      return rejection(fullMethodName, "malformed method name " + fullMethodName + " (expected: package.Service/Method)");
    }
    String service = fullMethodName.substring(0, slash);
    String method = fullMethodName.substring(slash + 1);
    RouteMethod routed = snapshot.method(service, method);
    if (routed != null && isGrpcCallable(routed.route()) && routed.route().callerService().qualifiedName().equals(service)) {
      ServerMethodDefinition<byte[], byte[]> d = definitions(snapshot).byMethod.get(routed);
      if (d != null) return d;
    }
    return rejection(fullMethodName, whyUnknown(snapshot, service, method));
  }

  /** Only proto services have a gRPC form; a routed Thrift service is reached by Thrift and HTTP callers. */
  static boolean isGrpcCallable(CompiledRoute route) {
    return route.callerService().idl() == IdlKind.PROTO;
  }

  private Definitions definitions(RouteSnapshot snapshot) {
    Definitions d = current;
    if (d.snapshot == snapshot) return d;
    Map<RouteMethod, ServerMethodDefinition<byte[], byte[]>> next = new IdentityHashMap<>();
    for (CompiledRoute route : snapshot.routes()) {
      if (!isGrpcCallable(route)) continue;
      for (RouteMethod m : route.methods()) {
        ServerMethodDefinition<byte[], byte[]> kept = d.byMethod.get(m);
        next.put(m, kept != null ? kept : ServerMethodDefinition.create(
            ByteArrayMarshaller.unary(route.callerService().qualifiedName() + "/" + m.callerMethod().name()), new UnaryRouteHandler(dispatcher, m)));
      }
    }
    d = new Definitions(snapshot, next);
    current = d;
    return d;
  }

  private static String whyUnknown(RouteSnapshot snapshot, String service, String method) {
    CompiledRoute route = snapshot.route(service);
    if (route == null || !route.callerService().qualifiedName().equals(service)) return "unknown service " + service;
    if (!isGrpcCallable(route)) return "service " + service + " is a Thrift service (expected: a proto service for gRPC callers)";
    Optional<MethodDef> declared = route.callerService().method(method);
    if (declared.isPresent()) {
      String kind = declared.get().streaming().name().toLowerCase(Locale.ROOT).replace('_', '-');
      return "method " + service + "/" + method + " is " + kind + "; the gateway forwards unary methods only";
    }
    return "unknown method " + method + " of service " + service;
  }

  private static ServerMethodDefinition<byte[], byte[]> rejection(String fullMethodName, String message) {
    Status status = Status.UNIMPLEMENTED.withDescription(message);
    return ServerMethodDefinition.create(ByteArrayMarshaller.method(fullMethodName, MethodDescriptor.MethodType.UNKNOWN), (call, headers) -> {
      call.close(status, new Metadata());
      return new ServerCall.Listener<>() {};
    });
  }

  private record Definitions(RouteSnapshot snapshot, Map<RouteMethod, ServerMethodDefinition<byte[], byte[]>> byMethod) {}
}
