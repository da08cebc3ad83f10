package dev.polyglot.adapters.grpc.server;

import dev.polyglot.adapters.grpc.common.MetadataMapping;
import dev.polyglot.adapters.grpc.common.StatusMapping;
import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Cancellation;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.pipeline.CallDispatcher;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.translate.WireFormat;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one routed unary method: collects the single request message, hands it to the pipeline as a
 * {@link WireFormat#PROTOBUF} call with the caller's deadline and metadata, and answers with the reply.
 * One instance per {@link RouteMethod}, shared by all its calls.
 *
 * <p>Threading: gRPC delivers listener events one at a time; the reply may complete on any thread and
 * is the only other place that touches the call, once, after the last listener event that matters
 * (half-close).
 *
 * <p>Cancellation: each call has a {@link Cancellation}, cancelled from {@code onCancel} — grpc-java's
 * one event for a caller's cancel (RST_STREAM), its deadline passing and its connection closing — so
 * the pipeline cancels the backend call instead of letting it run for nobody.
 */
final class UnaryRouteHandler implements ServerCallHandler<byte[], byte[]> {
  private static final Logger log = LoggerFactory.getLogger(UnaryRouteHandler.class);

  private final CallDispatcher dispatcher;
  private final RouteMethod method;
  private final String service;
  private final String methodName;

  UnaryRouteHandler(CallDispatcher dispatcher, RouteMethod method) {
    this.dispatcher = dispatcher;
    this.method = method;
    this.service = method.route().callerService().qualifiedName();
    this.methodName = method.callerMethod().name();
  }

  @Override
  public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> call, Metadata headers) {
    io.grpc.Deadline grpcDeadline = Context.current().getDeadline();
    Deadline deadline = grpcDeadline == null ? Deadline.NONE : Deadline.afterNanos(grpcDeadline.timeRemaining(TimeUnit.NANOSECONDS));
    // Two, so that a second request message is seen and refused instead of waiting unread.
    call.request(2);
    return new CallListener(call, headers, deadline);
  }

  private final class CallListener extends ServerCall.Listener<byte[]> {
    private final ServerCall<byte[], byte[]> call;
    private final Metadata headers;
    private final Deadline deadline;
    private byte[] request;
    private final Cancellation cancellation = Cancellation.create();
    private boolean closed;
    private volatile boolean cancelled;

    CallListener(ServerCall<byte[], byte[]> call, Metadata headers, Deadline deadline) {
      this.call = call;
      this.headers = headers;
      this.deadline = deadline;
    }

    @Override
    public void onMessage(byte[] message) {
      if (closed) return;
      if (request != null) {
        closed = true;
        call.close(Status.INTERNAL.withDescription("more than one request message for unary method " + service + "/" + methodName), new Metadata());
        return;
      }
      request = message;
    }

    @Override
    public void onHalfClose() {
      if (closed) return;
      closed = true;
      if (request == null) {
        call.close(Status.INTERNAL.withDescription("no request message for unary method " + service + "/" + methodName), new Metadata());
        return;
      }
      Call c = new Call(service, methodName, WireFormat.PROTOBUF, request, deadline, MetadataMapping.fromGrpc(headers));
      dispatcher.dispatch(method, c, cancellation).whenComplete(this::respond);
    }

    @Override
    public void onCancel() {
      cancelled = true;
      cancellation.cancel();
    }

    private void respond(Reply reply, Throwable failure) {
      if (cancelled) return;
      try {
        if (failure != null) {
          // The dispatcher promises never to fail; if it does, the caller sees no internals.
          log.error("dispatch of {}/{} failed", service, methodName, failure);
          call.close(Status.INTERNAL.withDescription("internal error"), new Metadata());
        } else if (!reply.isOk()) {
          call.close(StatusMapping.toGrpc(reply.status()), StatusMapping.trailers(reply.status()));
        } else if (reply.format() != WireFormat.PROTOBUF) {
          log.error("reply to {}/{} in {} (expected: PROTOBUF)", service, methodName, reply.format());
          call.close(Status.INTERNAL.withDescription("internal error"), new Metadata());
        } else {
          call.sendHeaders(new Metadata());
          call.sendMessage(reply.payload());
          call.close(Status.OK, new Metadata());
        }
      } catch (IllegalStateException e) {
        // Cancelled between the check and the write: nobody is listening any more.
        log.debug("reply to {}/{} not sent: {}", service, methodName, e.getMessage());
      }
    }
  }
}
