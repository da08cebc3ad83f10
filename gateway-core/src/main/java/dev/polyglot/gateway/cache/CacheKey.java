package dev.polyglot.gateway.cache;

import dev.polyglot.gateway.route.RouteMethod;
import java.util.Objects;

import java.util.Arrays;

/**
 * Route generation + the compiled route method + the caller's credentials + canonical request. The
 * time to live rides along for the cache's expiry policy but is not part of equality: it is a
 * function of the other parts.
 *
 * <p>Design note: the method is compared by identity. A {@link RouteMethod} is compiled once per
 * route and serves every caller protocol of that route, so equal requests from Thrift, gRPC and HTTP
 * callers share an entry, while two routes never do — even when their methods sit at the same
 * position and their requests encode to the same bytes. The credentials ({@code authorization}) are
 * part of the key because the backend, not the gateway, decides what a caller may see: a reply
 * fetched with one caller's credentials is never served to another.
 */
final class CacheKey {
  final long generation;
  final RouteMethod method;
  final String credentials;
  final byte[] request;
  final long ttlNanos;
  private final int hash;

  CacheKey(long generation, RouteMethod method, String credentials, byte[] request, long ttlNanos) {
    this.generation = generation;
    this.method = method;
    this.credentials = credentials;
    this.request = request;
    this.ttlNanos = ttlNanos;
    this.hash = ((Long.hashCode(generation) * 31 + System.identityHashCode(method)) * 31 + Objects.hashCode(credentials)) * 31
        + Arrays.hashCode(request);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey k && k.generation == generation && k.method == method && Objects.equals(k.credentials, credentials)
        && Arrays.equals(k.request, request);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "CacheKey[generation " + generation + ", " + method + ", " + request.length + " bytes]";
  }
}
