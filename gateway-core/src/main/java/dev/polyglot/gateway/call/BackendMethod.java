package dev.polyglot.gateway.call;

import java.util.concurrent.CompletableFuture;

/**
 * One method of one backend, prepared once when a route is compiled ({@link Backend#bind}), so that a
 * call needs no lookup by name.
 *
 * <p>Buffers: the client owns {@code request} from the call on and must not mutate it (it may be
 * retried or shared); the reply's payload belongs to the returned reply.
 */
@FunctionalInterface
public interface BackendMethod {
  /**
   * Sends one request, already in {@link Backend#format()}.
   *
   * @param deadline the effective deadline (the earlier of the caller's and the route's timeout);
   *     the client should give up by then with {@code DEADLINE_EXCEEDED}
   * @return completes with the backend's reply, or with an error reply ({@code UNAVAILABLE} when the
   *     backend cannot be reached); for a oneway method, completes once the request is written. The
   *     future may complete on any thread and should not complete exceptionally except for bugs.
   */
  CompletableFuture<Reply> call(byte[] request, Deadline deadline, Metadata metadata);
}
