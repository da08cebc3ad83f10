package dev.polyglot.gateway.call;

import dev.polyglot.translate.status.Status;

/**
 * A failure meant for the caller, carrying the status to answer with. Filters and translators may
 * throw it (or complete a future with it); the pipeline turns it into {@link Reply#error}. Any other
 * exception becomes {@code INTERNAL} with a generic message, so internals never reach callers.
 */
public final class StatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Status status;

  public StatusException(Status status) {
    super(status.code() + ": " + status.message(), null, false, false);
    this.status = status;
  }

  public Status status() {
    return status;
  }
}
