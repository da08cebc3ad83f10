package dev.polyglot.adapters.http.common;

import dev.polyglot.translate.status.HttpErrorResponse;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Completes Undertow exchanges with JSON bodies, from any thread: a response begun off the exchange's
 * I/O thread is handed to that thread, so that a backend's callback thread never writes to a
 * connection directly. Stateless.
 */
public final class JsonResponses {
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

  private JsonResponses() {}

  /** {@code {}}: what a void method answers. Never mutate it. */
  public static byte[] emptyObject() {
    return EMPTY_OBJECT;
  }

  /**
   * Sends {@code body} with {@code status} and ends the exchange. The body is owned by the exchange
   * from here on; the caller must not mutate it.
   */
  public static void send(HttpServerExchange exchange, int status, byte[] body) {
    if (!exchange.isInIoThread()) {
      exchange.getIoThread().execute(() -> send(exchange, status, body));
      return;
    }
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }

  public static void send(HttpServerExchange exchange, HttpErrorResponse error) {
    send(exchange, error.status(), error.body());
  }

  /** An error answered at the edge, without a detail: {@code {"code": ..., "message": ..., "details": []}}. */
  public static void sendError(HttpServerExchange exchange, int httpStatus, StatusCode code, String message) {
    send(exchange, HttpErrorResponse.of(Status.of(code, message), httpStatus, Optional.empty()));
  }

  /**
   * Why a request's {@code Content-Type} is not JSON, or null when it is {@code application/json}
   * (any case, optionally with {@code charset=utf-8}). An absent header counts as JSON: a client
   * that names no type at all can only mean JSON on this API; one that names another type (curl's
   * {@code -d} sends a form type) is told to send {@code application/json}.
   */
  public static String contentTypeProblem(String header) {
    if (header == null || header.isBlank()) return null;
    String[] parts = header.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!type.equals("application/json")) return "content type " + header.trim() + " is not supported (expected: application/json)";
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      int eq = p.indexOf('=');
      if (eq < 0) continue;
      String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1).trim().replace("\"", "");
      if (name.equals("charset") && !value.equalsIgnoreCase("utf-8") && !value.equalsIgnoreCase("utf8")) {
        return "charset " + value + " is not supported (expected: utf-8)";
      }
    }
    return null;
  }
}
