package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.translate.WireFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Turns the request into the backend's format on the way down and the reply into the caller's on the
 * way up, with the route method's translator. A oneway reply has nothing to translate.
 */
final class TranslationFilter implements CallFilter {
  private static final byte[] EMPTY = new byte[0];

  @Override
  public CompletableFuture<Reply> filter(RoutedCall rc, Chain chain) {
    RouteMethod m = rc.method();
    WireFormat callerFormat = rc.call().format();
    WireFormat backendFormat = m.backendFormat();
    byte[] request = m.translator().translateRequest(rc.call().request(), callerFormat, backendFormat);
    CompletableFuture<Reply> reply = chain.proceed(rc.withCall(rc.call().withRequest(backendFormat, request)));
    if (m.isOneway()) return reply.thenApply(r -> r.isOk() ? Reply.ok(callerFormat, EMPTY) : r);
    return reply.thenApply(r -> m.translator().translateReply(r, callerFormat));
  }
}
