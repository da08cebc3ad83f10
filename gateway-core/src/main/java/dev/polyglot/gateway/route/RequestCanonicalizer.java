package dev.polyglot.gateway.route;

import dev.polyglot.translate.WireFormat;

/**
 * The canonical form of a request, for cache keys: two requests equal in value (whatever their field
 * order, map order or original caller protocol) have equal canonical bytes, and requests that differ in
 * value have different ones. Supplied by the translators per method; the cache calls it with the
 * request already in the backend's format. Thread-safe.
 */
@FunctionalInterface
public interface RequestCanonicalizer {
  byte[] canonicalize(byte[] request, WireFormat format);

  /** The bytes themselves: correct (never merges different values) but misses reordered equals. */
  RequestCanonicalizer EXACT_BYTES = (request, format) -> request;
}
