package dev.polyglot.translate.json;

import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer the JSON generator writes into; its array is lent out by the writer. */
final class ByteSink extends OutputStream {
  byte[] buf = new byte[256];
  int count;

  @Override
  public void write(int b) {
    if (count == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (count + len > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }
}
