package dev.polyglot.idl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Thrift annotations ({@code (grpc.code = "NOT_FOUND")}) or proto options rendered as text
 * ({@code deprecated} → {@code "true"}; custom options by their full name in parentheses-free form,
 * e.g. {@code grpc.code}). Keys keep declaration order.
 */
public record Annotations(Map<String, String> values) {
  public static final Annotations NONE = new Annotations(Map.of());

  public Annotations {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Annotations of(Map<String, String> values) {
    return values.isEmpty() ? NONE : new Annotations(values);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
