package dev.polyglot.gateway.pipeline;

import dev.polyglot.gateway.cache.ResponseCache;
import dev.polyglot.gateway.call.CallerThread;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.route.RouteMethod;
import java.util.concurrent.CompletableFuture;

/**
 * Serves cacheable methods from the {@link ResponseCache}. Sits after translation, so the key is the
 * canonical form of the backend-format request and the cached value the backend's reply: callers of
 * every protocol share entries, as long as they present the same {@code authorization} metadata.
 */
final class CacheFilter implements CallFilter {
  private final ResponseCache cache;

  CacheFilter(ResponseCache cache) {
    this.cache = cache;
  }

  @Override
  public CompletableFuture<Reply> filter(RoutedCall rc, Chain chain) {
    RouteMethod m = rc.method();
    if (!m.isCached()) return chain.proceed(rc);
    byte[] canonical = m.canonicalizer().canonicalize(rc.call().request(), rc.call().format());
    // The loader's future must not fail exceptionally: map failures to replies before the cache sees them.
    String credentials = rc.call().metadata().get("authorization");
    // The loader runs inside the cache's map update: a backend call must not block there, even on a
    // caller thread that waits anyway (CallerThread).
    return cache.get(m, credentials, canonical,
        () -> CallerThread.withoutWaiting(() -> chain.proceed(rc)).handle((r, t) -> t == null ? r : Replies.fromThrowable(t, m)));
  }
}
