package dev.polyglot.adapters.thrift.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;

/**
 * Writes Thrift messages to one connection's stream, framed (4-byte big-endian length first) or not.
 *
 * <p>A message whose body (the arguments or the result struct) is already encoded goes out as its
 * header, written through a buffer reused for every message, followed by the body as it is: Thrift's
 * binary and compact protocols write nothing for a message's end, so header and body are the whole
 * message, and the body is never copied into an assembled message first.
 *
 * <p>Not thread-safe: one per connection, which sends one message at a time.
 */
public final class MessageWriter {
  private final OutputStream out;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream(64);
  private final byte[] lengthBytes = new byte[4];
  private ThriftProtocolKind headKind;
  private TProtocol headWriter;

  public MessageWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes the message {@code header} + {@code body} and flushes. */
  public void write(boolean framed, ThriftProtocolKind kind, TMessage header, byte[] body) throws IOException, TException {
    if (headKind != kind) {
      headKind = kind;
      headWriter = kind.newProtocol(new StreamTransport(InputStream.nullInputStream(), head));
    }
    head.reset();
    headWriter.writeMessageBegin(header);
    headWriter.writeMessageEnd();
    if (framed) writeLength(head.size() + body.length);
    head.writeTo(out);
    out.write(body);
    out.flush();
  }

  /** Writes a message already encoded whole (header included) and flushes. */
  public void write(boolean framed, byte[] message) throws IOException {
    if (framed) writeLength(message.length);
    out.write(message);
    out.flush();
  }

  private void writeLength(int n) throws IOException {
    lengthBytes[0] = (byte) (n >>> 24);
    lengthBytes[1] = (byte) (n >>> 16);
    lengthBytes[2] = (byte) (n >>> 8);
    lengthBytes[3] = (byte) n;
    out.write(lengthBytes);
  }
}
