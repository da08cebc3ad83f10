package dev.polyglot.gateway.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Call metadata: gRPC headers, HTTP headers worth forwarding, Thrift has none. Keys are lower-case
 * ASCII; a key may repeat; order is kept. Binary values (gRPC {@code -bin} keys) are carried as the
 * base64 text gRPC uses on the wire. Immutable.
 */
public final class Metadata {
  public static final Metadata EMPTY = new Metadata(List.of());

  private final List<Map.Entry<String, String>> entries;

  private Metadata(List<Map.Entry<String, String>> entries) {
    this.entries = entries;
  }

  /** {@code of("x-request-id", "42", "authorization", "Bearer t")}. */
  public static Metadata of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keysAndValues: odd count " + keysAndValues.length + " (expected: key, value pairs)");
    Builder b = builder();
    for (int i = 0; i < keysAndValues.length; i += 2) b.add(keysAndValues[i], keysAndValues[i + 1]);
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first value of {@code key}, or null. */
  public String get(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : entries) if (e.getKey().equals(k)) return e.getValue();
    return null;
  }

  public List<String> getAll(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : entries) if (e.getKey().equals(k)) out.add(e.getValue());
    return out;
  }

  public List<Map.Entry<String, String>> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metadata m && m.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "Metadata" + entries;
  }

  /** Not thread-safe. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> entries = new ArrayList<>();

    private Builder() {}

    public Builder add(String key, String value) {
      entries.add(Map.entry(key.toLowerCase(Locale.ROOT), value));
      return this;
    }

    public Metadata build() {
      return entries.isEmpty() ? EMPTY : new Metadata(List.copyOf(entries));
    }
  }
}
