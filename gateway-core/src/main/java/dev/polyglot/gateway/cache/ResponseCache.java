package dev.polyglot.gateway.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.route.RouteMethod;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Successful backend replies of cacheable methods, shared by every route and caller protocol, bounded
 * by total bytes. Thread-safe.
 *
 * <p>Design note: entries are futures (Caffeine's {@link AsyncCache}), so concurrent identical misses
 * share one backend call: the first installs the future, the others find it. A future that completes
 * with an error reply is removed (only the exact future, so a newer entry is never touched); its
 * waiters still receive the error, as they shared the call. Keys carry the route's generation: a
 * recompiled route can never read its predecessor's replies, and {@link #invalidateGenerations} frees
 * them. Weights are the canonical request bytes plus the reply payload bytes; a pending future weighs
 * nothing until it completes.
 */
public final class ResponseCache {
  private final AsyncCache<CacheKey, Reply> cache;
  private final long maxBytes;

  private ResponseCache(Builder b) {
    this.maxBytes = b.maxBytes;
    Caffeine<Object, Object> c = Caffeine.newBuilder().maximumWeight(b.maxBytes).recordStats();
    if (b.nanoTime != null) c.ticker(b.nanoTime::getAsLong);
    if (b.executor != null) c.executor(b.executor);
    this.cache = c.<CacheKey, Reply>weigher((k, v) -> (int) Math.min(Integer.MAX_VALUE, (long) k.request.length + (v.isOk() ? v.payload().length : 0)))
        .expireAfter(new Expiry<CacheKey, Reply>() {
          @Override
          public long expireAfterCreate(CacheKey key, Reply value, long currentTime) {
            return key.ttlNanos;
          }

          @Override
          public long expireAfterUpdate(CacheKey key, Reply value, long currentTime, long currentDuration) {
            return key.ttlNanos;
          }

          @Override
          public long expireAfterRead(CacheKey key, Reply value, long currentTime, long currentDuration) {
            return currentDuration;
          }
        })
        .buildAsync();
  }

  public static Builder builder(long maxBytes) {
    return new Builder(maxBytes);
  }

  /**
   * The cached reply of {@code method} for this canonical request, or the reply of one call made by
   * {@code loader} and shared with every identical request that arrives while it runs.
   *
   * @param canonicalRequest owned by the cache from here on; never mutated
   * @param loader makes the backend call; its future should not complete exceptionally (an exceptional
   *     future is dropped from the cache and passed on as is)
   */
  public CompletableFuture<Reply> get(RouteMethod method, byte[] canonicalRequest, Supplier<CompletableFuture<Reply>> loader) {
    return get(method, null, canonicalRequest, loader);
  }

  /**
   * Like {@link #get(RouteMethod, byte[], Supplier)}, for a caller presenting {@code credentials}
   * (its {@code authorization} metadata, or null): entries are shared only by callers presenting the
   * same credentials.
   */
  public CompletableFuture<Reply> get(RouteMethod method, String credentials, byte[] canonicalRequest,
      Supplier<CompletableFuture<Reply>> loader) {
    if (!method.isCached()) throw new IllegalArgumentException("method " + method + " is not cacheable");
    CacheKey key = new CacheKey(method.route().generation(), method, credentials, canonicalRequest, method.cacheTtlNanos());
    boolean[] loaded = {false};
    CompletableFuture<Reply> future = cache.get(key, (k, executor) -> {
      loaded[0] = true;
      try {
        return Objects.requireNonNull(loader.get(), "loader returned null");
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    });
    // Only the call that installed the future watches it: one removal check per backend call, none per hit.
    if (loaded[0]) {
      future.thenAccept(reply -> {
        if (!reply.isOk()) cache.asMap().remove(key, future);
      });
    }
    return future;
  }

  /** Drops every entry of routes compiled under these generations (they can never be read again). */
  public void invalidateGenerations(Collection<Long> generations) {
    if (generations.isEmpty()) return;
    Set<Long> set = Set.copyOf(generations);
    cache.synchronous().asMap().keySet().removeIf(k -> set.contains(k.generation));
  }

  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  /** Runs pending maintenance (evictions, expirations) now; statistics are exact afterwards. */
  public void cleanUp() {
    cache.synchronous().cleanUp();
  }

  /** Runs pending maintenance first, so that the entry count and weight are current. */
  public CacheStats stats() {
    cache.synchronous().cleanUp();
    var s = cache.synchronous().stats();
    long bytes = cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    return new CacheStats(s.hitCount(), s.missCount(), s.evictionCount(), cache.synchronous().estimatedSize(), bytes, maxBytes);
  }

  /** Not thread-safe. */
  public static final class Builder {
    private final long maxBytes;
    private LongSupplier nanoTime;
    private Executor executor;

    private Builder(long maxBytes) {
      if (maxBytes < 1) throw new IllegalArgumentException("maxBytes: " + maxBytes + " (expected: at least 1)");
      this.maxBytes = maxBytes;
    }

    /** The clock for expiry, in nanoseconds (default {@link System#nanoTime()}); tests pass a manual one. */
    public Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = nanoTime;
      return this;
    }

    /** Where maintenance and removal notifications run (default the common pool); tests pass {@code Runnable::run}. */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    public ResponseCache build() {
      return new ResponseCache(this);
    }
  }
}
