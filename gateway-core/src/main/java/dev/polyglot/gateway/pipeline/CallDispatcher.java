package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.gateway.route.Router;
import java.util.concurrent.CompletableFuture;

/**
 * What an inbound listener calls: resolve with {@link #router()}, answer "unknown method" in its own
 * protocol when that returns null, otherwise {@link #dispatch} and encode the reply for the caller.
 * Thread-safe.
 */
public interface CallDispatcher {
  Router router();

  /**
   * Runs the call through the pipeline. The future never completes exceptionally: every failure is an
   * error reply whose message is safe to show the caller. For a oneway method the reply carries no
   * payload and should not be sent.
   */
  CompletableFuture<Reply> dispatch(RouteMethod method, Call call);
}
