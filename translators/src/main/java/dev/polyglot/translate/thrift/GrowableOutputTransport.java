package dev.polyglot.translate.thrift;

import java.util.Arrays;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A write-only transport into a growable byte array that the owner may edit in place (writers
 * insert container headers once a count is known). Not thread-safe. The array returned by
 * {@link #buffer()} is borrowed until the next write or {@link #reset()}.
 */
public final class GrowableOutputTransport extends TTransport {
  private byte[] buf;
  private int size;

  public GrowableOutputTransport(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public void reset() {
    size = 0;
  }

  public byte[] buffer() {
    return buf;
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  @Override
  public void write(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, buf, size, len);
    size += len;
  }

  /**
   * Moves the bytes written since {@code bodyEnd} to {@code mark}, shifting {@code [mark, bodyEnd)}
   * right: used to put a header written after a body in front of it.
   */
  void moveTailTo(int mark, int bodyEnd) {
    int headerLength = size - bodyEnd;
    byte[] header = Arrays.copyOfRange(buf, bodyEnd, size);
    System.arraycopy(buf, mark, buf, mark + headerLength, bodyEnd - mark);
    System.arraycopy(header, 0, buf, mark, headerLength);
  }

  private void ensure(int more) {
    if (buf.length - size < more) {
      long wanted = Math.max((long) buf.length * 2, (long) size + more);
      if (wanted > Integer.MAX_VALUE - 8) throw new IllegalStateException("output exceeds 2 GiB");
      buf = Arrays.copyOf(buf, (int) wanted);
    }
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
  public int read(byte[] dst, int off, int len) throws TTransportException {
    throw new TTransportException(TTransportException.NOT_OPEN, "write-only transport");
  }

  @Override
  public TConfiguration getConfiguration() {
    return TConfiguration.DEFAULT;
  }

  @Override
  public void updateKnownMessageSize(long size) {}

  @Override
  public void checkReadBytesAvailable(long numBytes) {}
}
