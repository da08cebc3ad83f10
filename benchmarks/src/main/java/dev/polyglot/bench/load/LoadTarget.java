package dev.polyglot.bench.load;

/**
 * A client of one protocol aimed at one address, sending one payload. The load driver opens one
 * {@link Slot} per call in flight and drives each slot from its own thread, whatever the protocol:
 * that is the harness's single threading model.
 *
 * <p>Thread-safety: the target is shared by all slot threads; a slot is used by one thread only.
 * Closing the target after its slots releases what they share (a channel, a connection pool).
 */
interface LoadTarget extends AutoCloseable {

  /** Opens one slot: its own connection where the protocol needs one per call in flight. */
  Slot openSlot() throws Exception;

  /** What the target calls, for progress lines. */
  String describe();

  @Override
  void close();

  /** One call in flight at a time. */
  interface Slot extends AutoCloseable {
    /** One complete call: returns once the whole reply has been read; throws on any failure. */
    void call() throws Exception;

    /**
     * One call whose reply is compared with the value sent; throws {@link IllegalStateException}
     * saying what differs. Used once per leg before measuring, so that a gateway answering wrongly
     * cannot produce a flattering figure.
     */
    void verifiedCall() throws Exception;

    @Override
    void close();
  }
}
