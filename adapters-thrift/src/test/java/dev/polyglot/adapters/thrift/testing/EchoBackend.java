package dev.polyglot.adapters.thrift.testing;

import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * The {@code echo.Echo} service of {@code echo.thrift}, served on 127.0.0.1 with libthrift's own
 * transports and protocols (TSocket, TFramedTransport, TBinaryProtocol, TCompactProtocol) and a
 * hand-written processor: no gateway code on this side. A name {@code Service:method} is accepted as
 * TMultiplexedProcessor would; every message name is recorded as received.
 */
public final class EchoBackend implements AutoCloseable {
  private static final TStruct RESULT = new TStruct("result");

  private final ThriftTransport transport;
  private final ThriftEncoding encoding;
  private final ServerSocket server;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<String> names = new CopyOnWriteArrayList<>();
  private final List<String> events = new CopyOnWriteArrayList<>();

  private EchoBackend(ThriftTransport transport, ThriftEncoding encoding) throws IOException {
    this.transport = transport;
    this.encoding = encoding;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "echo-backend-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static EchoBackend start(ThriftTransport transport, ThriftEncoding encoding) throws IOException {
    return new EchoBackend(transport, encoding);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Connections accepted since start. */
  public int connectionsAccepted() {
    return accepted.get();
  }

  /** Messages received, oneway included. */
  public int calls() {
    return calls.get();
  }

  /** Message names exactly as received, in order. */
  public List<String> messageNames() {
    return names;
  }

  /** Events recorded by {@code log}, in order. */
  public List<String> events() {
    return events;
  }

  /** Closes every open connection from this side, as a restart would. */
  public void dropConnections() throws IOException {
    for (Socket s : open) s.close();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        accepted.incrementAndGet();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "echo-backend-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try {
      TTransport t = new TSocket(socket);
      if (transport == ThriftTransport.FRAMED) t = new TFramedTransport(t, 64 << 20);
      TProtocol p = protocol(t);
      while (true) {
        TMessage m = p.readMessageBegin();
        calls.incrementAndGet();
        names.add(m.name);
        // The arguments are copied aside first, so that a method may read them generically or echo them.
        TMemoryBuffer raw = new TMemoryBuffer(256);
        ThriftValues.copy(p, protocol(raw), TType.STRUCT);
        p.readMessageEnd();
        String method = m.name.substring(m.name.indexOf(':') + 1);
        if (method.equals("echoEverything")) {
          reply(p, method, m.seqid, (short) 0, TType.STRUCT, () -> copyField1(protocol(readBack(raw)), p));
        } else {
          answer(p, method, m, ThriftValues.readStruct(protocol(readBack(raw))));
        }
      }
    } catch (TTransportException e) {
      // The peer closed the connection, or we dropped it.
    } catch (TException e) {
      throw new IllegalStateException(e);
    } finally {
      open.remove(socket);
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private static TTransport readBack(TMemoryBuffer written) throws TException {
    return new TMemoryInputTransport(Arrays.copyOf(written.getArray(), written.length()));
  }

  private TProtocol protocol(TTransport t) {
    return encoding == ThriftEncoding.BINARY ? new TBinaryProtocol(t) : new TCompactProtocol(t);
  }

  private static void copyField1(TProtocol args, TProtocol out) throws TException {
    args.readStructBegin();
    while (true) {
      TField f = args.readFieldBegin();
      if (f.type == TType.STOP) throw new TException("echoEverything: argument 1 is missing");
      if (f.id == 1) {
        ThriftValues.copy(args, out, f.type);
        return;
      }
      TProtocolUtil.skip(args, f.type);
    }
  }

  private void answer(TProtocol p, String method, TMessage m, Map<Short, Object> args) throws TException {
    switch (method) {
      case "ping" -> reply(p, method, m.seqid, null, (byte) 0, null);
      case "echo" -> reply(p, method, m.seqid, (short) 0, TType.STRING, () -> p.writeBinary(((ByteBuffer) args.get((short) 1)).duplicate()));
      case "echoBinary" -> reply(p, method, m.seqid, (short) 0, TType.STRING, () -> p.writeBinary(((ByteBuffer) args.get((short) 1)).duplicate()));
      case "lookup" -> {
        String key = ThriftValues.text(args.get((short) 1));
        if (key.equals("missing")) {
          reply(p, method, m.seqid, (short) 1, TType.STRUCT, () -> {
            p.writeStructBegin(new TStruct("NotFound"));
            stringField(p, 1, "no entry " + key);
            stringField(p, 2, key);
            p.writeFieldStop();
            p.writeStructEnd();
          });
        } else if (key.equals("bad")) {
          reply(p, method, m.seqid, (short) 4, TType.STRUCT, () -> {
            p.writeStructBegin(new TStruct("Rejected"));
            stringField(p, 1, "rejected " + key);
            p.writeFieldBegin(new TField("code", TType.I32, (short) 2));
            p.writeI32(42);
            p.writeFieldEnd();
            p.writeFieldStop();
            p.writeStructEnd();
          });
        } else {
          reply(p, method, m.seqid, (short) 0, TType.STRING, () -> p.writeString("value of " + key));
        }
      }
      case "fail" -> exception(p, method, m.seqid, new TApplicationException(TApplicationException.INTERNAL_ERROR, ThriftValues.text(args.get((short) 1))));
      case "log" -> events.add(ThriftValues.text(args.get((short) 1)));
      case "logged" -> reply(p, method, m.seqid, (short) 0, TType.LIST, () -> {
        List<String> snapshot = List.copyOf(events);
        p.writeListBegin(new TList(TType.STRING, snapshot.size()));
        for (String e : snapshot) p.writeString(e);
        p.writeListEnd();
      });
      case "sleep" -> {
        try {
          Thread.sleep((Integer) args.get((short) 1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        reply(p, method, m.seqid, null, (byte) 0, null);
      }
      default -> exception(p, method, m.seqid, new TApplicationException(TApplicationException.UNKNOWN_METHOD, "Invalid method name: '" + method + "'"));
    }
  }

  private static void stringField(TProtocol p, int id, String value) throws TException {
    p.writeFieldBegin(new TField("", TType.STRING, (short) id));
    p.writeBinary(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
    p.writeFieldEnd();
  }

  private interface Value {
    void write() throws TException;
  }

  private static void reply(TProtocol p, String method, int seqid, Short id, byte type, Value value) throws TException {
    p.writeMessageBegin(new TMessage(method, TMessageType.REPLY, seqid));
    p.writeStructBegin(RESULT);
    if (id != null) {
      p.writeFieldBegin(new TField("", type, id));
      value.write();
      p.writeFieldEnd();
    }
    p.writeFieldStop();
    p.writeStructEnd();
    p.writeMessageEnd();
    p.getTransport().flush();
  }

  private static void exception(TProtocol p, String method, int seqid, TApplicationException e) throws TException {
    p.writeMessageBegin(new TMessage(method, TMessageType.EXCEPTION, seqid));
    e.write(p);
    p.writeMessageEnd();
    p.getTransport().flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropConnections();
  }

}
