package dev.polyglot.adapters.thrift.client;

import dev.polyglot.adapters.thrift.common.ThriftProtocolKind;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.Endpoint;
import dev.polyglot.translate.status.StatusCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to one endpoint. A call takes the most recently returned idle connection or opens a new
 * one; afterwards the connection goes back to the pool unless the call broke it (then it is discarded)
 * or the idle connections already reach the bound below (then it is closed).
 *
 * <p>Design note, the idle bound: {@code max(pool_size, calls in flight on this endpoint)}. With
 * {@code pool_size} alone, every call beyond {@code pool_size} in flight opened a connection and closed
 * it on return (a connect, two buffers and a backend thread per call under load). Counting the calls in
 * flight keeps a returned connection while other calls are running, which the next call takes instead
 * of opening one. When the load falls, each call returns its connection to a pool that is over the
 * bound and closes it, so the surplus is trimmed one connection per call, without opening any; if calls
 * stop altogether, up to the peak number of concurrent calls stay idle until {@link #close()}.
 *
 * <p>Design note, the cap: at most {@code max_connections} calls run on this endpoint at once, each on
 * its own connection, so no more connections are ever open; a call beyond that waits (in arrival
 * order is not promised) for a free one until its deadline, then answers {@code DEADLINE_EXCEEDED}.
 * Without a cap a burst of calls opened a connection each, and the backend saw the burst in full.
 *
 * <p>Design note, stale connections: a pooled connection may have been closed by the backend while it
 * sat idle (a restart, an idle timeout), which shows only when it is used. When a call on a pooled
 * connection fails before a single reply byte arrived, it is sent once more on a fresh connection. A
 * backend that closes a connection after executing a request without answering could thus execute it
 * twice; Thrift servers do not do that, they answer or fail the whole connection before reading.
 *
 * <p>Thread-safe.
 */
final class EndpointPool {
  private static final Logger log = LoggerFactory.getLogger(EndpointPool.class);

  private final BackendConfig config;
  private final Endpoint endpoint;
  private final ConcurrentLinkedDeque<BackendConnection> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private final AtomicInteger opened = new AtomicInteger();
  /** Calls inside {@link #call}, this one included: the idle bound while above {@code pool_size}. */
  private final AtomicInteger inFlight = new AtomicInteger();
  /** {@code max_connections}: a call holds one from before it takes a connection until it returns it. */
  private final Semaphore permits;
  private volatile boolean closed;

  EndpointPool(BackendConfig config, Endpoint endpoint) {
    this.config = config;
    this.endpoint = endpoint;
    this.permits = new Semaphore(config.maxConnections());
  }

  int opened() {
    return opened.get();
  }

  /** Runs one call; never throws: every failure is an error reply. */
  Reply call(ThriftProtocolKind kind, ThriftMethodShape shape, byte[] request, Deadline deadline) {
    if (closed) return closedReply();
    if (deadline.isExpired()) {
      return Reply.error(StatusCode.DEADLINE_EXCEEDED, "backend " + config.name() + ": deadline exceeded before the call was sent");
    }
    if (!permits.tryAcquire()) {
      Reply refused = awaitPermit(deadline);
      if (refused != null) return refused;
    }
    inFlight.incrementAndGet();
    try {
      return exchange(kind, shape, request, deadline);
    } finally {
      inFlight.decrementAndGet();
      permits.release();
    }
  }

  /** Waits for one of the {@code max_connections} permits until the deadline; null once acquired. */
  private Reply awaitPermit(Deadline deadline) {
    try {
      boolean acquired;
      if (deadline.isNone()) {
        permits.acquire();
        acquired = true;
      } else {
        acquired = permits.tryAcquire(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
      }
      if (acquired) return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.error(StatusCode.CANCELLED, "backend " + config.name() + ": interrupted while waiting for a connection");
    }
    return noConnectionReply();
  }

  /** The answer to a call that found every one of {@code max_connections} busy until its deadline. */
  Reply noConnectionReply() {
    return Reply.error(StatusCode.DEADLINE_EXCEEDED, "backend " + config.name() + ": no connection free before the deadline (all "
        + config.maxConnections() + " of max_connections to " + endpoint + " busy)");
  }

  private Reply exchange(ThriftProtocolKind kind, ThriftMethodShape shape, byte[] request, Deadline deadline) {
    BackendConnection pooled = idle.pollFirst();
    if (pooled != null) {
      idleCount.decrementAndGet();
      try {
        return finish(pooled, pooled.exchange(kind, shape, request, deadline));
      } catch (ExchangeFailure f) {
        pooled.close();
        if (!f.beforeReply()) return f.reply(config, shape);
        log.debug("pooled connection to {} of backend {} was broken ({}); retrying on a new connection", endpoint, config.name(), f.getMessage());
      }
    }
    BackendConnection fresh;
    try {
      fresh = open(deadline);
    } catch (SocketTimeoutException e) {
      return deadline.isExpired()
          ? Reply.error(StatusCode.DEADLINE_EXCEEDED, "backend " + config.name() + ": deadline exceeded while connecting")
          : unavailable(e);
    } catch (IOException e) {
      return unavailable(e);
    }
    try {
      return finish(fresh, fresh.exchange(kind, shape, request, deadline));
    } catch (ExchangeFailure f) {
      fresh.close();
      return f.reply(config, shape);
    }
  }

  private Reply finish(BackendConnection c, Reply reply) {
    int bound = Math.max(config.poolSize(), inFlight.get());
    if (closed || idleCount.incrementAndGet() > bound) {
      idleCount.decrementAndGet();
      c.close();
    } else {
      idle.addFirst(c);
      // close() may have drained the pool between the check and the push.
      if (closed && idle.remove(c)) c.close();
    }
    return reply;
  }

  private BackendConnection open(Deadline deadline) throws IOException {
    long connectMillis = config.connectTimeout().toMillis();
    if (!deadline.isNone()) connectMillis = Math.min(connectMillis, TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos()));
    if (connectMillis <= 0) throw new SocketTimeoutException("deadline exceeded before connecting");
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) Math.min(connectMillis, Integer.MAX_VALUE));
      opened.incrementAndGet();
      return new BackendConnection(socket, config.transport());
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private Reply unavailable(IOException e) {
    // The endpoint and cause are for the operator's log, not for callers.
    log.warn("backend {}: cannot connect to {}: {}", config.name(), endpoint, e.toString());
    return Reply.error(StatusCode.UNAVAILABLE, "backend " + config.name() + " is unavailable");
  }

  private Reply closedReply() {
    return Reply.error(StatusCode.UNAVAILABLE, "backend " + config.name() + " is closed");
  }

  void close() {
    closed = true;
    BackendConnection c;
    while ((c = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      c.close();
    }
  }
}
