package dev.polyglot.adapters.thrift.server;

import dev.polyglot.gateway.Listener;
import dev.polyglot.gateway.call.CallerThread;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import dev.polyglot.gateway.pipeline.CallDispatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Thrift edge toward callers: one port, many connections, each served by its own thread.
 *
 * <p>Per connection the first bytes decide the transport (framed or unframed) and, for unframed
 * connections, the protocol (binary, strict or not, or compact); a framed connection's protocol is
 * read from each frame's first byte. A {@code TMultiplexedProtocol} name {@code Service:method} picks
 * the service; a plain method name calls the configured {@link ThriftListenerConfig#service()}.
 *
 * <p>Limits and what happens past them:
 * <ul>
 *   <li>a frame longer than {@code max_frame_size}: the caller gets {@code TApplicationException
 *       (PROTOCOL_ERROR)} naming both sizes, echoing the sequence id when the message header that
 *       follows the length is readable, and the connection is closed (the oversized frame is never read,
 *       so the stream cannot be resynchronised);
 *   <li>an unframed message longer than {@code max_message_size}: the same answer, then close;
 *   <li>an undecodable message in a framed connection: {@code PROTOCOL_ERROR}, and the next frame is
 *       served; in an unframed connection: {@code PROTOCOL_ERROR} when the header was readable, then
 *       close, as nothing tells where the next message starts.
 * </ul>
 * No frame or message is ever buffered beyond its limit, and every connection fails alone.
 *
 * <p>Connections: at most {@code max_connections} are open at once. One more is accepted and closed
 * at once without a byte read (a Thrift server cannot answer before a message arrives), and a WARN
 * line counts them, at most once per 10 seconds ({@link TurnedAwayReport}). Each open connection
 * holds one thread of a cached pool, so threads stay bounded by the cap (plus, briefly, a thread
 * whose connection just ended and that has not yet returned to the pool). A connection that does not
 * deliver a whole message within {@code idle_timeout} of starting to wait for it (a silent caller, or
 * one that stalls inside a message) is closed by the listener's watchdog thread, which looks every
 * quarter of the timeout (at most every second, at least every 10 ms); see {@link ThriftConnection}
 * for why this is not the socket's {@code SO_TIMEOUT}. While the connection's thread runs a call it
 * does not wait for a message, so a slow backend is bounded by the route's timeout, not by
 * {@code idle_timeout}.
 *
 * <p>Calls on one connection are answered in order; a oneway call is dispatched and the next message
 * read at once. Thread-safe.
 */
public final class ThriftListener implements Listener {
  private static final Logger log = LoggerFactory.getLogger(ThriftListener.class);

  private final ThriftListenerConfig config;
  private final Set<ThriftConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionIds = new AtomicInteger();
  /** Connections counted against {@code max_connections}: changed with {@link #connections}, by whoever adds or removes. */
  private final AtomicInteger open = new AtomicInteger();
  /** Set by {@link #start}, before the accept thread starts. */
  private volatile TurnedAwayReport turnedAway;
  private volatile ServerSocket serverSocket;
  private volatile ExecutorService workers;
  private volatile boolean accepting;
  private volatile Thread acceptor;
  private volatile Thread watchdog;
  private volatile boolean closed;
  private volatile InetSocketAddress address;

  private ThriftListener(ThriftListenerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A listener for {@code listeners.thrift}; nothing is bound until {@link #start}. */
  public static ThriftListener of(ThriftListenerConfig config) {
    return new ThriftListener(config);
  }

  public ThriftListenerConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "thrift";
  }

  @Override
  public synchronized void start(CallDispatcher dispatcher) throws IOException {
    if (serverSocket != null) throw new IllegalStateException("thrift listener already started on " + address);
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(config.host(), config.port()), 256);
    } catch (IOException e) {
      socket.close();
      throw new IOException("thrift listener: cannot bind " + config.host() + ":" + config.port() + " (" + e.getMessage() + ")", e);
    }
    address = new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
    serverSocket = socket;
    workers = Executors.newCachedThreadPool(r -> {
      // Caller threads: a Thrift backend's exchange runs right on them (see CallerThread).
      Thread t = new CallerThread(r, "thrift-connection-" + connectionIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    turnedAway = new TurnedAwayReport("thrift listener on " + address, config.maxConnections());
    accepting = true;
    long idleNanos = config.idleTimeout().toNanos();
    ConnectionSettings settings = new ConnectionSettings(dispatcher, config.service().orElse(null), config.maxFrameBytes(), config.maxMessageBytes(),
        idleNanos);
    Thread w = new Thread(() -> watchIdle(idleNanos), "thrift-idle-watch-" + address.getPort());
    w.setDaemon(true);
    watchdog = w;
    w.start();
    TurnedAwayReport report = turnedAway;
    Thread t = new Thread(() -> acceptLoop(socket, settings, report), "thrift-acceptor-" + address.getPort());
    t.setDaemon(true);
    acceptor = t;
    t.start();
  }

  private void acceptLoop(ServerSocket socket, ConnectionSettings settings, TurnedAwayReport report) {
    while (accepting) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        if (accepting && !socket.isClosed()) {
          log.warn("thrift listener on {}: accept failed", address, e);
          continue;
        }
        return;
      }
      if (open.get() >= config.maxConnections()) {
        // Counted before the close, so that whoever sees the close also sees the count. Closed unread:
        // with nothing read the close is a plain FIN, which the caller sees as end of stream.
        String line = report.turnedAway(System.nanoTime());
        closeQuietly(s);
        warn(line);
        continue;
      }
      warn(report.due(System.nanoTime()));
      ThriftConnection c;
      try {
        s.setTcpNoDelay(true);
        c = new ThriftConnection(s, settings, this::ended);
      } catch (IOException e) {
        closeQuietly(s);
        continue;
      }
      open.incrementAndGet();
      connections.add(c);
      try {
        workers.execute(c);
      } catch (RejectedExecutionException e) {
        // The listener is closing.
        c.close();
      }
    }
  }

  private void warn(String line) {
    if (line != null) log.warn(line);
  }

  /** Called by a connection when it closes, possibly more than once. */
  private void ended(ThriftConnection c) {
    if (connections.remove(c)) open.decrementAndGet();
  }

  /** Closes connections that have waited longer than {@code idleNanos} for a message, until {@link #close}. */
  private void watchIdle(long idleNanos) {
    long periodMillis = Math.max(10, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(idleNanos / 4)));
    while (!closed) {
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (ThriftConnection c : connections) {
        long since = c.waitingSince();
        if (since != 0 && now - since > idleNanos) c.closeIdle();
      }
    }
  }

  @Override
  public InetSocketAddress address() {
    if (address == null) throw new IllegalStateException("thrift listener not started");
    return address;
  }

  /** Connections open now (for logs and tests). */
  public int openConnections() {
    return open.get();
  }

  /** Connections closed unread because {@code max_connections} were open (for logs and tests). */
  public long connectionsTurnedAway() {
    TurnedAwayReport r = turnedAway;
    return r == null ? 0 : r.total();
  }

  /** Returns once the port is released: the JDK closes a listening socket only after a blocked accept returns. */
  @Override
  public void stopAccepting() {
    accepting = false;
    ServerSocket s = serverSocket;
    if (s != null) closeQuietly(s);
    Thread t = acceptor;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (ThriftConnection c : connections) c.stopReading();
  }

  @Override
  public void close() {
    closed = true;
    Thread watch = watchdog;
    if (watch != null) watch.interrupt();
    stopAccepting();
    for (ThriftConnection c : connections) c.close();
    ExecutorService w = workers;
    if (w != null) w.shutdownNow();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // Closing on shutdown or after a failure: nothing left to tell anyone.
    }
  }

  /** What every connection of one listener shares. */
  record ConnectionSettings(CallDispatcher dispatcher, String defaultService, long maxFrameBytes, long maxMessageBytes, long idleTimeoutNanos) {}
}
