package dev.polyglot.translate.event;

import java.nio.ByteBuffer;
import java.util.HashSet;

/**
 * Detects a repeated set element by its encoded bytes, for binary readers: two elements with the
 * same encoding are the same value. (Equal values with different encodings, such as a Thrift struct
 * with its fields in another order, are not detected; every encoder we know writes one canonical
 * order.) Only sets pay for this. Not thread-safe; reusable via {@link #clear()}.
 */
public final class DistinctElements {
  private final HashSet<ByteBuffer> seen = new HashSet<>();

  public void clear() {
    seen.clear();
  }

  /** Records {@code in[from, to)}; throws if an equal element was recorded since the last clear. */
  public void add(byte[] in, int from, int to) {
    if (!seen.add(ByteBuffer.wrap(in, from, to - from))) {
      throw TranscodeException.of("duplicate set element (expected: distinct elements)");
    }
  }
}
