package dev.polyglot.adapters.thrift.client;

import dev.polyglot.adapters.thrift.common.ThriftProtocolKind;
import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.gateway.call.CallerThread;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.Endpoint;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.StatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of one Thrift backend: a pool of connections per endpoint, endpoints taken round-robin per
 * call, transport and protocol as configured, method names prefixed with the multiplexed service name
 * when one is configured.
 *
 * <p>Calls block on sockets, so each runs on this client's own threads and the returned futures
 * complete there; except on a {@link CallerThread} that waits for the reply anyway (a Thrift caller's
 * connection thread), where the exchange runs on that thread and the future is complete on return. A
 * call gives up at its deadline (the backend's {@code timeout} when it has none) with
 * {@code DEADLINE_EXCEEDED}, and the connection it used is discarded (a late reply would otherwise be
 * read as the answer to the next call). A backend that cannot be connected to answers
 * {@code UNAVAILABLE}; connecting is lazy, so a backend that is down when routes are compiled only
 * fails the calls made while it is down.
 *
 * <p>Reply mapping: a result struct with its success field (or a void method's empty result) is an ok
 * reply carrying the result struct; a set declared-exception field is an error reply whose code is the
 * exception's {@code grpc.code} annotation (default {@code UNKNOWN}), whose message is the exception's
 * {@code message} field (else its first string field, else its simple type name), and whose detail holds
 * the exception struct as received; a {@code TApplicationException} maps per
 * {@link dev.polyglot.adapters.thrift.common.ThriftErrorMapping#statusCode}.
 *
 * <p>Thread-safe.
 */
public final class ThriftBackendClient implements Backend {
  private static final byte[] EMPTY = new byte[0];

  private final BackendConfig config;
  private final ThriftProtocolKind kind;
  private final EndpointPool[] pools;
  private final AtomicInteger nextEndpoint = new AtomicInteger();
  private final ExecutorService executor;
  private final int maxThreads;
  /** Calls handed to {@link #executor} and not finished: above {@link #maxThreads}, some are queued. */
  private final AtomicInteger submitted = new AtomicInteger();
  private volatile boolean closed;

  private ThriftBackendClient(BackendConfig config) {
    if (config.protocol() != BackendProtocol.THRIFT) {
      throw new IllegalArgumentException(config.name() + ": protocol " + config.protocol().configName() + " (expected: thrift)");
    }
    this.config = config;
    this.kind = ThriftProtocolKind.of(config.encoding());
    List<EndpointPool> list = new ArrayList<>();
    for (Endpoint e : config.endpoints()) list.add(new EndpointPool(config, e));
    this.pools = list.toArray(new EndpointPool[0]);
    AtomicInteger threads = new AtomicInteger();
    // As many threads as calls can run at once (max_connections per endpoint); later calls queue here
    // (each pool checks its call's deadline once it runs). Idle threads end after a minute.
    this.maxThreads = Math.max(1, config.maxConnections() * pools.length);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(this.maxThreads, this.maxThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "thrift-backend-" + config.name() + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    this.executor = pool;
  }

  /** A client for {@code config}; opens no connection yet. */
  public static ThriftBackendClient of(BackendConfig config) {
    return new ThriftBackendClient(config);
  }

  public BackendConfig config() {
    return config;
  }

  @Override
  public WireFormat format() {
    return kind.format();
  }

  /** Connections opened so far over the client's life, all endpoints together (for tests and metrics). */
  public int connectionsOpened() {
    int n = 0;
    for (EndpointPool p : pools) n += p.opened();
    return n;
  }

  @Override
  public BackendMethod bind(Schema schema, ServiceDef service, MethodDef method) {
    if (method.streaming() != StreamingKind.UNARY) {
      throw new IllegalArgumentException(service.qualifiedName() + "." + method.name() + " is " + method.streaming()
          + " (expected: a unary method; Thrift backends have no streaming)");
    }
    List<FieldDef> exceptions = method.exceptions();
    short[] ids = new short[exceptions.size()];
    String[] types = new String[exceptions.size()];
    StatusCode[] codes = new StatusCode[exceptions.size()];
    short[] messageIds = new short[exceptions.size()];
    for (int i = 0; i < ids.length; i++) {
      FieldDef f = exceptions.get(i);
      if (!(f.type() instanceof TypeRef.Named named)) {
        throw new IllegalArgumentException(service.qualifiedName() + "." + method.name() + ": throws field " + f.name() + " has type "
            + f.type().display() + " (expected: an exception type)");
      }
      ids[i] = (short) f.id();
      types[i] = named.qualifiedName();
      StructDef def = schema.struct(named.qualifiedName()).orElse(null);
      codes[i] = def == null ? StatusCode.UNKNOWN : def.annotations().get("grpc.code").map(StatusCode::parse).orElse(StatusCode.UNKNOWN);
      if (codes[i] == null || codes[i] == StatusCode.OK) codes[i] = StatusCode.UNKNOWN;
      messageIds[i] = def == null ? -1 : messageFieldId(def);
    }
    String wireName = config.multiplexedService().map(s -> s + ":" + method.name()).orElse(method.name());
    ThriftMethodShape shape = new ThriftMethodShape(wireName, method.oneway(), method.response() instanceof TypeRef.Void, ids, types, codes, messageIds);
    return (request, deadline, metadata) -> call(shape, request, deadline);
  }

  /** DESIGN.md: an exception's message is its {@code message} field, else its first string field; -1 for none. */
  private static short messageFieldId(StructDef exception) {
    short first = -1;
    for (FieldDef f : exception.fields()) {
      if (!(f.type() instanceof TypeRef.Base b) || b.scalar() != Scalar.STRING) continue;
      if (f.name().equals("message")) return (short) f.id();
      if (first < 0) first = (short) f.id();
    }
    return first;
  }

  private CompletableFuture<Reply> call(ThriftMethodShape shape, byte[] request, Deadline deadline) {
    if (closed) return CompletableFuture.completedFuture(Reply.error(StatusCode.UNAVAILABLE, "backend " + config.name() + " is closed"));
    // The pipeline passes the route's deadline (which may be longer than the backend's timeout, when
    // the route sets its own); the backend's timeout bounds only calls made without one.
    Deadline effective = deadline.isNone() ? Deadline.after(config.timeout()) : deadline;
    EndpointPool pool = pools[Math.floorMod(nextEndpoint.getAndIncrement(), pools.length)];
    if (CallerThread.waitsForReply()) {
      // The caller's thread would only sleep until one of ours finished the exchange: run it here.
      return CompletableFuture.completedFuture(pool.call(kind, shape, request, effective));
    }
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    int pending = submitted.incrementAndGet();
    try {
      executor.execute(() -> {
        try {
          // Skipped when the call timed out while queued: nobody waits for its answer any more.
          if (!reply.isDone()) reply.complete(pool.call(kind, shape, request, effective));
        } finally {
          submitted.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      submitted.decrementAndGet();
      return CompletableFuture.completedFuture(Reply.error(StatusCode.UNAVAILABLE, "backend " + config.name() + " is closed"));
    }
    if (pending > maxThreads) {
      // Every thread is busy, so this call waits in the queue, where no socket timeout watches its
      // deadline: a timer does (only on this overload path).
      reply.completeOnTimeout(pool.noConnectionReply(), Math.max(0, effective.remainingNanos()), TimeUnit.NANOSECONDS);
    }
    return reply;
  }

  /** Socket reads and connects are bounded by each call's deadline. */
  @Override
  public boolean enforcesDeadline() {
    return true;
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    for (EndpointPool p : pools) p.close();
    // Calls in flight finish (or fail on their closed sockets); the threads then end.
    executor.shutdown();
  }

  @Override
  public String toString() {
    return "ThriftBackendClient[" + config.name() + " " + config.endpoints() + ", " + config.transport() + "/" + config.encoding() + "]";
  }

  static byte[] empty() {
    return EMPTY;
  }
}
