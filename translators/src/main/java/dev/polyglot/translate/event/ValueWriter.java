package dev.polyglot.translate.event;

/**
 * A {@link ValueSink} that encodes one wire format into a growable buffer it owns.
 *
 * <p>Writers accept containers of unknown size ({@code -1}) and nested values whose encoded length
 * is not known in advance: they reserve and backpatch internally, so any source can drive any
 * writer. A writer is reusable: {@link #reset(StructPlan)} starts the next value and invalidates
 * the previous output. Not thread-safe.
 */
public interface ValueWriter extends ValueSink {

  /** Starts writing a value of type {@code root}; the next event must be {@link #startStruct()}. */
  void reset(StructPlan root);

  /** A copy of the encoded value; valid once the root's {@link #endStruct()} has been received. */
  byte[] toByteArray();

  /**
   * The writer's own buffer, holding the encoded value in {@code [0, size())}. Borrowed: valid only
   * until the next {@link #reset(StructPlan)}; the caller must not write into it.
   */
  byte[] buffer();

  int size();
}
