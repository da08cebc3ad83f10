package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.call.Reply;
import java.util.concurrent.CompletableFuture;

/**
 * One step of the call pipeline (OkHttp's interceptor, Envoy's filter): look at or change the call,
 * pass it on with {@link Chain#proceed}, look at or change the reply. The gateway's order is: your
 * filters (caller's format), translation, cache (backend's format), forwarding (last; the backend call).
 *
 * <p>Thread-safe: one instance serves all calls concurrently. A filter may complete the future on any
 * thread; it may throw {@link dev.polyglot.gateway.call.StatusException} to answer with a status.
 *
 * <p>Filters run on the listeners' I/O threads (the gRPC and HTTP listeners' event loops), so they
 * must not block: work that waits belongs in the returned future.
 */
@FunctionalInterface
public interface CallFilter {
  CompletableFuture<Reply> filter(RoutedCall call, Chain chain);

  /** The rest of the pipeline after a filter. */
  @FunctionalInterface
  interface Chain {
    CompletableFuture<Reply> proceed(RoutedCall call);
  }
}
