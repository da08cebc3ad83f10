package dev.polyglot.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The direct leg's backend for HTTP callers: an Undertow + Jackson JSON service answering the same
 * three echo methods as the reference backends, in both JSON views. It parses the body into a tree
 * and writes the echoed value back, which is the work a small JSON service does per call; the HTTP
 * legs' ratios are relative to it. Not a reference for anything else.
 *
 * <p>Thrift view ({@code /interop.Interop/<method>}): the reply is the result value itself. Proto view
 * ({@code /polyglot.interop.v1.InteropService/<Method>}): the reply is the response message, which for
 * {@code EchoItem} is the item and otherwise {@code {"value": ...}}.
 */
final class HttpEchoBackend implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Undertow server;

  private HttpEchoBackend(Undertow server) {
    this.server = server;
  }

  static HttpEchoBackend start() {
    Undertow server = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setIoThreads(2)
        // The body arrives without blocking and the JSON work is small: the I/O threads do it all.
        .setHandler(HttpEchoBackend::handle)
        .build();
    server.start();
    return new HttpEchoBackend(server);
  }

  private static void handle(HttpServerExchange exchange) {
    exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
      try {
        String path = ex.getRequestPath();
        boolean protoView = path.startsWith("/" + InteropNames.PROTO_SERVICE + "/");
        JsonNode request = JSON.readTree(body);
        JsonNode reply;
        if (path.endsWith("/echoItem") || path.endsWith("/EchoItem")) reply = request.get("item");
        else reply = protoView ? request : request.get("value");
        if (reply == null) {
          ex.setStatusCode(StatusCodes.BAD_REQUEST);
          ex.getResponseSender().send("{\"code\":\"invalid_argument\"}");
          return;
        }
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        ex.getResponseSender().send(ByteBuffer.wrap(JSON.writeValueAsBytes(reply)));
      } catch (java.io.IOException e) {
        ex.setStatusCode(StatusCodes.BAD_REQUEST);
        ex.getResponseSender().send("{\"code\":\"invalid_argument\"}");
      }
    });
  }

  int port() {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  @Override
  public void close() {
    server.stop();
  }
}
