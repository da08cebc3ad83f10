package dev.polyglot.adapters.thrift.testing;

import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TMultiplexedProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * A Thrift caller on libthrift's transports and protocols, with control over sequence ids and message
 * types that generated clients do not give. Not thread-safe.
 */
public final class ThriftTestClient implements AutoCloseable {
  private final Socket socket;
  private final TProtocol protocol;

  private ThriftTestClient(Socket socket, TProtocol protocol) {
    this.socket = socket;
    this.protocol = protocol;
  }

  public static ThriftTestClient connect(InetSocketAddress address, CallerStyle style) throws IOException, TException {
    Socket socket = new Socket();
    socket.connect(address, 5000);
    socket.setSoTimeout(10_000);
    TTransport t = new TSocket(socket);
    if (style.transport() == ThriftTransport.FRAMED) t = new TFramedTransport(t, 64 << 20);
    TProtocol p = style.encoding() == ThriftEncoding.BINARY ? new TBinaryProtocol(t, false, style.strict()) : new TCompactProtocol(t);
    return new ThriftTestClient(socket, p);
  }

  /** Arguments written into the args struct. */
  @FunctionalInterface
  public interface Args {
    void write(TProtocol p) throws TException;

    Args NONE = p -> {};

    static Args string(int id, String value) {
      return p -> {
        p.writeFieldBegin(new TField("", TType.STRING, (short) id));
        p.writeString(value);
        p.writeFieldEnd();
      };
    }

    static Args binary(int id, byte[] value) {
      return p -> {
        p.writeFieldBegin(new TField("", TType.STRING, (short) id));
        p.writeBinary(ByteBuffer.wrap(value));
        p.writeFieldEnd();
      };
    }

    static Args i32(int id, int value) {
      return p -> {
        p.writeFieldBegin(new TField("", TType.I32, (short) id));
        p.writeI32(value);
        p.writeFieldEnd();
      };
    }
  }

  /** What came back: the header and either the result struct (by field id) or a TApplicationException. */
  public record Answer(TMessage header, Map<Short, Object> result, TApplicationException error) {
    public Object success() {
      if (error != null) throw new AssertionError("expected a result, got TApplicationException(" + error.getType() + ", " + error.getMessage() + ")");
      return result.get((short) 0);
    }
  }

  public void send(String name, byte type, int seqid, Args args) throws TException {
    send(protocol, name, type, seqid, args);
  }

  /** Sends through libthrift's TMultiplexedProtocol, which writes {@code service:name}. */
  public void sendMultiplexed(String service, String name, byte type, int seqid, Args args) throws TException {
    send(new TMultiplexedProtocol(protocol, service), name, type, seqid, args);
  }

  private static void send(TProtocol p, String name, byte type, int seqid, Args args) throws TException {
    p.writeMessageBegin(new TMessage(name, type, seqid));
    p.writeStructBegin(new TStruct("args"));
    args.write(p);
    p.writeFieldStop();
    p.writeStructEnd();
    p.writeMessageEnd();
    p.getTransport().flush();
  }

  public Answer receive() throws TException {
    TMessage header = protocol.readMessageBegin();
    if (header.type == TMessageType.EXCEPTION) {
      TApplicationException e = TApplicationException.readFrom(protocol);
      protocol.readMessageEnd();
      return new Answer(header, null, e);
    }
    Map<Short, Object> result = ThriftValues.readStruct(protocol);
    protocol.readMessageEnd();
    return new Answer(header, result, null);
  }

  public Answer call(String name, int seqid, Args args) throws TException {
    send(name, TMessageType.CALL, seqid, args);
    return receive();
  }

  /** Whether anything arrives within {@code millis} (a oneway call must not be answered). */
  public boolean anythingArrivesWithin(int millis) throws IOException {
    int old = socket.getSoTimeout();
    socket.setSoTimeout(millis);
    try {
      InputStream in = socket.getInputStream();
      // TSocket reads through its own buffer, so peek at the socket only when nothing is buffered.
      return protocol.getTransport().getBytesRemainingInBuffer() > 0 || in.available() > 0 || waitForByte(in);
    } finally {
      socket.setSoTimeout(old);
    }
  }

  /** Consumes the byte it waits for: use only where nothing may arrive. */
  private static boolean waitForByte(InputStream in) throws IOException {
    try {
      return in.read() >= 0;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  /** The raw socket, for writing malformed bytes. */
  public OutputStream rawOut() throws IOException {
    return socket.getOutputStream();
  }

  public Socket socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
