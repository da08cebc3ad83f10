package dev.polyglot.gateway.testing;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.translate.WireFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A backend served in this JVM: each call runs {@code handler(method name, request bytes)} and is
 * counted. Replies can be held back with {@link #holdReplies()} / {@link #releaseReplies()} to make
 * concurrent calls overlap deterministically.
 */
public final class InProcessBackend implements Backend {
  private final BackendConfig config;
  private final WireFormat format;
  private volatile BiFunction<String, byte[], Reply> handler;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
  private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
  private volatile boolean closed;

  public InProcessBackend(BackendConfig config, WireFormat format, BiFunction<String, byte[], Reply> handler) {
    this.config = config;
    this.format = format;
    this.handler = handler;
  }

  public BackendConfig config() {
    return config;
  }

  public void handler(BiFunction<String, byte[], Reply> newHandler) {
    this.handler = newHandler;
  }

  @Override
  public WireFormat format() {
    return format;
  }

  @Override
  public BackendMethod bind(Schema schema, ServiceDef service, MethodDef method) {
    String name = method.name();
    return (request, deadline, metadata) -> {
      if (closed) return CompletableFuture.completedFuture(Reply.error(dev.polyglot.translate.status.StatusCode.UNAVAILABLE, "backend closed"));
      calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
      return gate.thenApply(v -> handler.apply(name, request));
    };
  }

  /** Calls made to {@code method} so far. */
  public int calls(String method) {
    AtomicInteger n = calls.get(method);
    return n == null ? 0 : n.get();
  }

  public void holdReplies() {
    CompletableFuture<Void> g = new CompletableFuture<>();
    held.add(g);
    gate = g;
  }

  public void releaseReplies() {
    gate = CompletableFuture.completedFuture(null);
    held.forEach(g -> g.complete(null));
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
