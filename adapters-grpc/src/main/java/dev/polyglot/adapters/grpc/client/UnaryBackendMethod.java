package dev.polyglot.adapters.grpc.client;

import dev.polyglot.adapters.grpc.common.MetadataMapping;
import dev.polyglot.adapters.grpc.common.StatusMapping;
import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.MethodDescriptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound method of a {@link GrpcBackendClient}: a unary call over raw bytes per request.
 *
 * <p>What the caller is told: the backend's own status (code, message, detail) passes through. A
 * failure the channel produced itself — no endpoint reachable, our deadline expired — is answered with
 * a message of ours, so that addresses and transport internals stay out of replies.
 *
 * <p>Cancellation: cancelling the returned future (the pipeline does when the caller goes away)
 * cancels the {@link ClientCall}, so the backend sees its call cancelled (RST_STREAM) and can stop.
 * The future's own {@code cancel} does it: no callback is registered per call. That is the only way
 * a call is cancelled for its caller: the call is created outside the caller's gRPC {@link Context}
 * (a gRPC listener's calls run inside it), because grpc-java would otherwise tie the backend call to
 * that one caller — and the backend call of a cached method is shared by every caller waiting for
 * the entry, which one caller's leaving must not cancel (the pipeline decides, see ForwardingFilter).
 */
final class UnaryBackendMethod implements BackendMethod {
  private static final Logger log = LoggerFactory.getLogger(UnaryBackendMethod.class);

  private final GrpcBackendClient client;
  private final MethodDescriptor<byte[], byte[]> descriptor;

  UnaryBackendMethod(GrpcBackendClient client, MethodDescriptor<byte[], byte[]> descriptor) {
    this.client = client;
    this.descriptor = descriptor;
  }

  @Override
  public CompletableFuture<Reply> call(byte[] request, Deadline deadline, Metadata metadata) {
    if (client.isClosed()) return CompletableFuture.completedFuture(Reply.error(StatusCode.UNAVAILABLE, "backend " + client.name() + " is closed"));
    CallOptions options = CallOptions.DEFAULT;
    if (!deadline.isNone()) {
      long remaining = deadline.remainingNanos();
      if (remaining <= 0) {
        return CompletableFuture.completedFuture(Reply.error(StatusCode.DEADLINE_EXCEEDED, "deadline exceeded before the call to backend " + client.name() + " was sent"));
      }
      options = options.withDeadlineAfter(remaining, TimeUnit.NANOSECONDS);
    }
    ClientCall<byte[], byte[]> call;
    Context callers = Context.current();
    if (callers == Context.ROOT) {
      call = client.channel().newCall(descriptor, options);
    } else {
      // The call captures the current context when created: ROOT, so that only our future cancels it.
      Context previous = Context.ROOT.attach();
      try {
        call = client.channel().newCall(descriptor, options);
      } finally {
        Context.ROOT.detach(previous);
      }
    }
    ReplyListener listener = new ReplyListener(deadline, call);
    try {
      call.start(listener, MetadataMapping.toGrpc(metadata));
      // Two, so that a second response message (a broken backend) is noticed rather than left unread.
      call.request(2);
      call.sendMessage(request);
      call.halfClose();
    } catch (RuntimeException e) {
      call.cancel("failed to send the request", e);
      log.warn("call to backend {} ({}) failed while sending", client.name(), descriptor.getFullMethodName(), e);
    }
    return listener.reply;
  }

  /**
   * The future {@link #call} returns: its {@code cancel} cancels the backend call too. ClientCall's
   * {@code cancel} is thread-safe and does not block, so this may run on any thread (an event loop).
   * Stages depending on it are plain futures ({@link #newIncompleteFuture}).
   */
  private static final class ReplyFuture extends CompletableFuture<Reply> {
    private final ClientCall<byte[], byte[]> call;

    ReplyFuture(ClientCall<byte[], byte[]> call) {
      this.call = call;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      // False when the reply came first: an answered call has nothing left to stop.
      if (cancelled) call.cancel("the caller cancelled the call", null);
      return cancelled;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new CompletableFuture<>();
    }
  }

  private final class ReplyListener extends ClientCall.Listener<byte[]> {
    final CompletableFuture<Reply> reply;
    private final Deadline deadline;
    private byte[] response;
    private boolean extra;

    ReplyListener(Deadline deadline, ClientCall<byte[], byte[]> call) {
      this.deadline = deadline;
      this.reply = new ReplyFuture(call);
    }

    @Override
    public void onMessage(byte[] message) {
      if (response == null) response = message;
      else extra = true;
    }

    @Override
    public void onClose(io.grpc.Status status, io.grpc.Metadata trailers) {
      reply.complete(toReply(status, trailers));
    }

    private Reply toReply(io.grpc.Status status, io.grpc.Metadata trailers) {
      String name = client.name();
      if (status.isOk()) {
        if (response == null) return Reply.error(StatusCode.INTERNAL, "backend " + name + " closed the call without a response message");
        if (extra) return Reply.error(StatusCode.INTERNAL, "backend " + name + " sent more than one response message to a unary call");
        return Reply.ok(WireFormat.PROTOBUF, response);
      }
      if (status.getCause() != null) {
        // Statuses received from a peer never carry a cause: this one the channel made itself.
        log.debug("call to backend {} ({}) failed: {}", name, descriptor.getFullMethodName(), status, status.getCause());
        return Reply.error(status.getCode() == io.grpc.Status.Code.UNAVAILABLE
            ? Status.of(StatusCode.UNAVAILABLE, "backend " + name + " is unavailable")
            : Status.of(StatusMapping.fromGrpc(status.getCode()), "call to backend " + name + " failed"));
      }
      if (status.getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED && deadline.isExpired()) {
        return Reply.error(StatusCode.DEADLINE_EXCEEDED, "no reply from backend " + name + " before the deadline");
      }
      if (client.isClosed() && status.getCode() == io.grpc.Status.Code.UNAVAILABLE) {
        return Reply.error(StatusCode.UNAVAILABLE, "backend " + name + " is closed");
      }
      String message = status.getDescription() == null ? "" : status.getDescription();
      return Reply.error(StatusMapping.fromGrpc(status, trailers, message));
    }
  }
}
