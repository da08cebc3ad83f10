package dev.polyglot.gateway.cache;

import java.util.Arrays;

/**
 * Route generation + backend method + canonical request. The time to live rides along for the
 * cache's expiry policy but is not part of equality: it is a function of the other parts.
 */
final class CacheKey {
  final long generation;
  final int method;
  final byte[] request;
  final long ttlNanos;
  private final int hash;

  CacheKey(long generation, int method, byte[] request, long ttlNanos) {
    this.generation = generation;
    this.method = method;
    this.request = request;
    this.ttlNanos = ttlNanos;
    this.hash = (Long.hashCode(generation) * 31 + method) * 31 + Arrays.hashCode(request);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey k && k.generation == generation && k.method == method && Arrays.equals(k.request, request);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "CacheKey[generation " + generation + ", method " + method + ", " + request.length + " bytes]";
  }
}
