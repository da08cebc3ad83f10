package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.call.StatusException;
import dev.polyglot.translate.status.StatusCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a throwable that escaped a filter, translator or backend into the reply a caller may see. */
final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private Replies() {}

  static Reply fromThrowable(Throwable t, Object where) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) cause = cause.getCause();
    if (cause instanceof StatusException se) return Reply.error(se.status());
    // A bug, not the caller's business: log it here, answer without internals.
    log.warn("call to {} failed", where, cause);
    return Reply.error(StatusCode.INTERNAL, "internal error");
  }
}
