package dev.polyglot.adapters.http.testing;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A backend served in this JVM that speaks JSON (so routes whose two sides are the same service pass
 * the caller's JSON through a validating translator to it): it records every request exactly as it
 * arrived and answers from a per-method table of replies. A reply may be held back with a future,
 * to keep a call in flight while others are made.
 */
public final class RecordingBackend implements Backend {
  /** One request as it reached the backend. */
  public record Received(String method, String json, Metadata metadata) {}

  private final WireFormat format;
  /** Per method: request JSON to reply. */
  private final Map<String, Function<String, CompletableFuture<Reply>>> replies = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public RecordingBackend(WireFormat format) {
    this.format = format;
  }

  /** Answers {@code method} with {@code json} (ok reply in this backend's format). */
  public void answer(String method, String json) {
    replies.put(method, req -> CompletableFuture.completedFuture(Reply.ok(format, json.getBytes(StandardCharsets.UTF_8))));
  }

  public void answer(String method, Reply reply) {
    replies.put(method, req -> CompletableFuture.completedFuture(reply));
  }

  /**
   * Answers {@code method} with {@code reply(request JSON)} as an ok reply, completed on another
   * thread after a short pause, as a network client's callback would be.
   */
  public void answerAsync(String method, Function<String, String> reply) {
    replies.put(method, req -> CompletableFuture.supplyAsync(() -> Reply.ok(format, reply.apply(req).getBytes(StandardCharsets.UTF_8)),
        CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.MILLISECONDS)));
  }

  /** Answers {@code method} with whatever the future completes with, later. */
  public void answerLater(String method, CompletableFuture<Reply> reply) {
    replies.put(method, req -> reply);
  }

  public List<Received> received() {
    return received;
  }

  /** The requests {@code method} received, as JSON text, in order. */
  public List<String> requests(String method) {
    return received.stream().filter(r -> r.method().equals(method)).map(Received::json).toList();
  }

  public void clear() {
    received.clear();
    replies.clear();
  }

  @Override
  public WireFormat format() {
    return format;
  }

  @Override
  public BackendMethod bind(Schema schema, ServiceDef service, MethodDef method) {
    String name = method.name();
    return (request, deadline, metadata) -> {
      received.add(new Received(name, new String(request, StandardCharsets.UTF_8), metadata));
      Function<String, CompletableFuture<Reply>> r = replies.get(name);
      if (r == null) return CompletableFuture.completedFuture(Reply.error(StatusCode.UNIMPLEMENTED, "the test backend has no reply for " + name));
      return r.apply(new String(request, StandardCharsets.UTF_8));
    };
  }

  @Override
  public void close() {}
}
