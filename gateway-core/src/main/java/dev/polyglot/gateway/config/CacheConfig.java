package dev.polyglot.gateway.config;

/**
 * The response cache shared by all routes.
 *
 * @param maxBytes bound on the cached replies and keys together; least valuable entries are evicted
 */
public record CacheConfig(long maxBytes) {
  public static final long DEFAULT_MAX_BYTES = 64L << 20;
  public static final CacheConfig DEFAULT = new CacheConfig(DEFAULT_MAX_BYTES);

  public CacheConfig {
    ConfigChecks.positiveSize("max_size", maxBytes);
  }
}
