package dev.polyglot.translate.event;

/**
 * Guards applied by every reader. A declared length or count is checked against these limits and
 * against the bytes actually remaining before anything is allocated for it.
 *
 * @param maxMessageBytes largest input accepted by a reader, in bytes
 * @param maxStringBytes largest string or binary value, in bytes
 * @param maxContainerSize largest list, set or map, in elements (entries for maps)
 * @param maxDepth deepest nesting of structs and containers; the root struct is depth 1, and each
 *     struct, list, set or map inside it adds one
 */
public record Limits(int maxMessageBytes, int maxStringBytes, int maxContainerSize, int maxDepth) {

  /** 16 MiB messages and strings, 1,048,576-element containers, depth 64. */
  public static final Limits DEFAULT = new Limits(16 << 20, 16 << 20, 1 << 20, 64);

  public Limits {
    check("maxMessageBytes", maxMessageBytes, 1, Integer.MAX_VALUE - 8);
    check("maxStringBytes", maxStringBytes, 0, Integer.MAX_VALUE - 8);
    check("maxContainerSize", maxContainerSize, 0, Integer.MAX_VALUE - 8);
    // Readers recurse once or twice per level; 512 levels stay far inside a default thread stack.
    check("maxDepth", maxDepth, 1, 512);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + "-" + max + ")");
    }
  }

  public static Builder builder() {
    return new Builder(DEFAULT);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Starts from {@link #DEFAULT}; {@link #build()} validates. */
  public static final class Builder {
    private int maxMessageBytes;
    private int maxStringBytes;
    private int maxContainerSize;
    private int maxDepth;

    private Builder(Limits from) {
      maxMessageBytes = from.maxMessageBytes;
      maxStringBytes = from.maxStringBytes;
      maxContainerSize = from.maxContainerSize;
      maxDepth = from.maxDepth;
    }

    public Builder maxMessageBytes(int value) {
      maxMessageBytes = value;
      return this;
    }

    public Builder maxStringBytes(int value) {
      maxStringBytes = value;
      return this;
    }

    public Builder maxContainerSize(int value) {
      maxContainerSize = value;
      return this;
    }

    public Builder maxDepth(int value) {
      maxDepth = value;
      return this;
    }

    public Limits build() {
      return new Limits(maxMessageBytes, maxStringBytes, maxContainerSize, maxDepth);
    }
  }
}
