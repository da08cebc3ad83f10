package dev.polyglot.adapters.http.server;

/** A request the edge refuses before dispatching it: answered 400 {@code invalid_argument} with this message. */
final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  BadRequestException(String message) {
    super(message, null, false, false);
  }
}
