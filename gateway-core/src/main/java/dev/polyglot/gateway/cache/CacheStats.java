package dev.polyglot.gateway.cache;

/**
 * Counters of the response cache since the gateway started, for the admin API. A snapshot: the
 * values are read one after another, not atomically together.
 *
 * @param hits requests answered from the cache (including those that joined an identical call in flight)
 * @param misses requests that went to the backend
 * @param evictions entries removed to stay under the byte bound or because their time to live ended
 * @param entries entries held now (an estimate while writes are in progress)
 * @param bytes weight held now: canonical request bytes plus reply payload bytes
 * @param maxBytes the configured bound on {@code bytes}
 */
public record CacheStats(long hits, long misses, long evictions, long entries, long bytes, long maxBytes) {}
