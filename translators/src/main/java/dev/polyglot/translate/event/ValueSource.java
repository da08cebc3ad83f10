package dev.polyglot.translate.event;

/**
 * A reader of one wire format: parses one struct value and drives a {@link ValueSink} with its
 * events, in one pass, without building a tree.
 *
 * <p>Contract: the input range is only read, never retained past the call and never modified. On
 * malformed or hostile input the reader throws {@link TranscodeException} naming the field path and
 * what was expected; it never allocates in proportion to a declared length before checking that
 * the bytes are there, never recurses deeper than {@link Limits#maxDepth()}, and never throws
 * anything else for any input. The sink may have received a prefix of the events when that happens.
 *
 * <p>Instances keep reusable state (protocol objects, scratch space) and are not thread-safe:
 * reuse one per thread, or create one per call.
 */
public interface ValueSource {

  /**
   * Reads one value of type {@code root} from {@code in[offset, offset + length)}.
   *
   * @return the number of bytes consumed (for Thrift, the struct ends at its STOP byte and may be
   *     followed by other data, such as a message envelope's end; protobuf and JSON consume the
   *     whole range)
   */
  int read(byte[] in, int offset, int length, StructPlan root, ValueSink out);
}
