package dev.polyglot.adapters.thrift.client;

import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.translate.status.StatusCode;

/**
 * A call on a connection failed in a way that leaves the connection unusable. Carries what the caller
 * is told; the connection is always discarded.
 */
final class ExchangeFailure extends Exception {
  private static final long serialVersionUID = 1L;

  enum Kind {
    /** The deadline passed while writing or waiting for the reply. */
    TIMEOUT,
    /** The connection broke (reset, closed by the backend). */
    BROKEN,
    /** The backend answered something that is not a valid reply to this call. */
    MALFORMED
  }

  private final Kind kind;
  private final boolean beforeReply;

  ExchangeFailure(Kind kind, boolean beforeReply, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.beforeReply = beforeReply;
  }

  /** Whether not one byte of a reply had arrived: the request may be sent again on another connection. */
  boolean beforeReply() {
    return beforeReply && kind == Kind.BROKEN;
  }

  Reply reply(BackendConfig config, ThriftMethodShape shape) {
    String who = "backend " + config.name();
    return switch (kind) {
      case TIMEOUT -> Reply.error(StatusCode.DEADLINE_EXCEEDED, who + " did not answer " + shape.wireName() + " before the deadline");
      case BROKEN -> Reply.error(StatusCode.UNAVAILABLE, who + " closed the connection during " + shape.wireName());
      case MALFORMED -> Reply.error(StatusCode.INTERNAL, who + " sent a malformed reply to " + shape.wireName() + ": " + getMessage());
    };
  }
}
