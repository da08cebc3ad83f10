package dev.polyglot.adapters.thrift.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A Thrift transport over a stream that can record the bytes the protocol consumes and limits how many
 * one message may consume.
 *
 * <p>Design note: an unframed ("buffered") Thrift stream has no length prefix, so the only way to find
 * where an arguments or result struct ends is to walk it. The listener and the backend client walk it
 * with {@code TProtocolUtil.skip} while this transport records, and so get the struct's exact bytes
 * without decoding any value. The budget is checked before a protocol allocates a string or container
 * ({@link #checkReadBytesAvailable}) and after every read, so a hostile length prefix fails fast
 * instead of allocating memory.
 *
 * <p>It deliberately exposes no buffer ({@link #getBuffer()} is null), so the protocols read through
 * {@link #read} and every byte is seen. Not thread-safe: one connection, one thread at a time.
 */
public final class StreamTransport extends TTransport {
  private final InputStream in;
  private final OutputStream out;
  private long messageLimit = Long.MAX_VALUE;
  private long consumed;
  private byte[] recording;
  private int recorded;
  private boolean recordingOn;

  /**
   * @param in read from; the caller keeps ownership (closing this transport does not close it)
   * @param out written to; may be null for a read-only transport
   */
  public StreamTransport(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  /** Starts a new message: at most {@code limit} bytes may be read until the next call. */
  public void beginMessage(long limit) {
    this.messageLimit = limit;
    this.consumed = 0;
  }

  /** The limit given to {@link #beginMessage}. */
  public long limit() {
    return messageLimit;
  }

  /** Bytes read since {@link #beginMessage}. */
  public long consumed() {
    return consumed;
  }

  /** Records every byte read from now on, replacing an earlier recording. */
  public void startRecording() {
    if (recording == null) recording = new byte[256];
    recorded = 0;
    recordingOn = true;
  }

  /** Bytes recorded so far: the offset the next byte read will have in the recording. */
  public int recordedLength() {
    return recorded;
  }

  /** A copy of recorded bytes {@code [from, to)}. */
  public byte[] recorded(int from, int to) {
    if (from < 0 || to > recorded || from > to) throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + recorded);
    return Arrays.copyOfRange(recording, from, to);
  }

  /** Stops recording; returns a copy of everything recorded. Recorded memory is kept for reuse. */
  public byte[] stopRecording() {
    recordingOn = false;
    byte[] copy = Arrays.copyOf(recording, recorded);
    // Do not keep a large buffer alive for the rest of a long connection.
    if (recording.length > 64 * 1024) recording = null;
    return copy;
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void open() {}

  @Override
  public void close() {}

  @Override
  public int read(byte[] buf, int off, int len) throws TTransportException {
    if (len == 0) return 0;
    int allowed = (int) Math.min(len, Math.max(0, messageLimit - consumed));
    if (allowed == 0) throw tooLarge();
    int n;
    try {
      n = in.read(buf, off, allowed);
    } catch (SocketTimeoutException e) {
      throw new TTransportException(TTransportException.TIMED_OUT, "read timed out", e);
    } catch (IOException e) {
      throw new TTransportException(TTransportException.UNKNOWN, e.getMessage(), e);
    }
    if (n < 0) throw new TTransportException(TTransportException.END_OF_FILE, "end of stream");
    consumed += n;
    if (recordingOn) {
      if (recorded + n > recording.length) recording = Arrays.copyOf(recording, Math.max(recording.length * 2, recorded + n));
      System.arraycopy(buf, off, recording, recorded, n);
      recorded += n;
    }
    return n;
  }

  @Override
  public void write(byte[] buf, int off, int len) throws TTransportException {
    if (out == null) throw new TTransportException(TTransportException.NOT_OPEN, "read-only transport");
    try {
      out.write(buf, off, len);
    } catch (IOException e) {
      throw new TTransportException(TTransportException.UNKNOWN, e.getMessage(), e);
    }
  }

  @Override
  public void flush() throws TTransportException {
    if (out == null) return;
    try {
      out.flush();
    } catch (IOException e) {
      throw new TTransportException(TTransportException.UNKNOWN, e.getMessage(), e);
    }
  }

  @Override
  public TConfiguration getConfiguration() {
    return TConfiguration.DEFAULT;
  }

  @Override
  public void updateKnownMessageSize(long size) {}

  @Override
  public void checkReadBytesAvailable(long numBytes) throws TTransportException {
    if (numBytes > messageLimit - consumed) throw tooLarge();
  }

  private TTransportException tooLarge() {
    return new TTransportException(TTransportException.MESSAGE_SIZE_LIMIT, "message larger than " + messageLimit + " bytes");
  }
}
