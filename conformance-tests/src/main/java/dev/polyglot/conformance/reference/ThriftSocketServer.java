package dev.polyglot.conformance.reference;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.thrift.TException;
import org.apache.thrift.TProcessor;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * A blocking Thrift server: one accept thread, one thread per connection, each connection running
 * the processor until the peer hangs up or sends something undecodable. The transport and encoding
 * are fixed per server, as a classic Thrift backend's are. libthrift's own servers would do, but
 * their shutdown waits on idle connections; closing this one drops them at once.
 */
final class ThriftSocketServer implements RunningBackend {
  /** Large enough for the 1 MiB payload cases with room to spare. */
  private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
  private static final AtomicInteger SERVER_IDS = new AtomicInteger();

  private final ServerSocket serverSocket;
  private final TProcessor processor;
  private final ThriftTransport transport;
  private final ThriftEncoding encoding;
  private final List<String> events;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;
  private final Thread acceptor;
  private volatile boolean closed;

  ThriftSocketServer(InetSocketAddress address, ThriftTransport transport, ThriftEncoding encoding,
      List<String> events) throws IOException {
    this.serverSocket = new ServerSocket();
    serverSocket.setReuseAddress(true);
    serverSocket.bind(address);
    this.transport = transport;
    this.encoding = encoding;
    this.events = events;
    this.processor = new ThriftInteropProcessor(events);
    int id = SERVER_IDS.incrementAndGet();
    AtomicInteger connectionIds = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "thrift-reference-" + id + "-conn-" + connectionIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.acceptor = new Thread(this::acceptLoop, "thrift-reference-" + id + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @Override
  public int port() {
    return serverSocket.getLocalPort();
  }

  @Override
  public List<String> loggedEvents() {
    return List.copyOf(events);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      connections.add(socket);
      threads.execute(() -> serve(socket));
    }
  }

  private void serve(Socket socket) {
    TTransport wire = null;
    try {
      socket.setTcpNoDelay(true);
      wire = new TSocket(socket);
      if (transport == ThriftTransport.FRAMED) {
        wire = new TFramedTransport(wire, MAX_FRAME_BYTES);
      }
      TProtocol protocol = switch (encoding) {
        case BINARY -> new TBinaryProtocol(wire);
        case COMPACT -> new TCompactProtocol(wire);
      };
      while (!closed) {
        processor.process(protocol, protocol);
      }
    } catch (TTransportException e) {
      // The peer hung up, or the server is closing: nothing to answer.
    } catch (TException | IOException | RuntimeException e) {
      // Undecodable input: the processor answered what it could; this connection ends here.
    } finally {
      if (wire != null) {
        wire.close();
      }
      closeQuietly(socket);
      connections.remove(socket);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(serverSocket);
    connections.forEach(ThriftSocketServer::closeQuietly);
    threads.shutdownNow();
    try {
      acceptor.join(5_000);
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing on shutdown: there is nobody left to tell.
    }
  }

  @Override
  public String toString() {
    return "thrift reference backend on port " + port() + " (" + transport + ", " + encoding + ")";
  }
}
