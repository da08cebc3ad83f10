package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Cancellation;
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
   * payload and should not be sent. The default calls the three-argument form with
   * {@link Cancellation#NONE}.
   */
  default CompletableFuture<Reply> dispatch(RouteMethod method, Call call) {
    return dispatch(method, call, Cancellation.NONE);
  }

  /**
   * Runs the call through the pipeline; when {@code cancellation} is cancelled before the reply, the
   * backend call is cancelled too (where the backend's client can) and the future completes with a
   * {@code CANCELLED} error reply. The future never completes exceptionally, as for
   * {@link #dispatch(RouteMethod, Call)}, so a listener that is still there may answer its caller.
   *
   * <p>The default ignores the signal and calls {@link #dispatch(RouteMethod, Call)}: it is for
   * dispatchers written before cancellation (test doubles). An implementation overrides at least one
   * of the two; {@link CallPipeline} overrides this one.
   *
   * @param cancellation created by the listener for this call; {@link Cancellation#NONE} when the
   *     caller cannot cancel
   */
  default CompletableFuture<Reply> dispatch(RouteMethod method, Call call, Cancellation cancellation) {
    return dispatch(method, call);
  }
}
