package dev.polyglot.adapters.http.server;

import static dev.polyglot.adapters.http.common.JsonResponses.send;
import static dev.polyglot.adapters.http.common.JsonResponses.sendError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyglot.adapters.http.common.JsonResponses;
import dev.polyglot.gateway.Listener;
import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Cancellation;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.HttpListenerConfig;
import dev.polyglot.gateway.pipeline.CallDispatcher;
import dev.polyglot.gateway.route.RouteMethod;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.translate.status.HttpErrorResponse;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * The HTTP/JSON listener (Undertow): {@code POST /<service>/<method>} for every routed service,
 * resource-style routes from the caller methods' HTTP rules, and {@code GET /healthz}.
 *
 * <p>Design note: handlers never block. A body is collected with Undertow's receiver on the I/O
 * thread, counted as it streams (413 past {@link HttpListenerConfig#maxBodyBytes()}, checked against
 * {@code Content-Length} first), the call is handed to the dispatcher, and the exchange is completed
 * from the reply future's callback (on the exchange's I/O thread, see {@link JsonResponses}). The
 * compiled HTTP view of the routes ({@link HttpRoutes}) is rebuilt only when the router serves a new
 * snapshot: one reference comparison per request. A caller that closes its connection before its
 * reply cancels the call, and with it the backend call ({@link CallerConnection}).
 *
 * <p>Contract of the surface (DESIGN.md "HTTP surface"): request and reply bodies are JSON in the
 * caller's view (Thrift view for a Thrift service, proto3 JSON for a proto one). Errors are
 * {@code {"code", "message", "details"}} with the error model's HTTP status; 404 for unknown paths
 * ({@code not_found}) and unknown methods of a routed service ({@code unimplemented}); 405 with
 * {@code Allow}; 413; 415 for a {@code Content-Type} other than {@code application/json} (a request
 * without one is read as JSON). A oneway method answers 202 with {@code {}} once the call is sent.
 * Headers {@code authorization} and {@code x-*} are passed to the backend as metadata.
 *
 * <p>Thread-safe. {@link #start} once; {@link #stopAccepting} and {@link #close} are idempotent.
 */
public final class HttpListener implements Listener {
  private static final Logger log = LoggerFactory.getLogger(HttpListener.class);
  private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STOPPING = "{\"status\":\"stopping\"}".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpString ALLOW = Headers.ALLOW;

  private final HttpListenerConfig config;
  private final int ioThreads;
  /** How long {@link #close} waits for dispatched calls to be answered on the wire. */
  private static final long CLOSE_WAIT_NANOS = 2_000_000_000L;

  private final Object compileLock = new Object();
  /** Exchanges handed to the dispatcher and not yet completed; {@link #close} waits for them. */
  private final AtomicInteger unanswered = new AtomicInteger();
  private final Object answered = new Object();
  private volatile HttpRoutes routes = HttpRoutes.EMPTY;
  private volatile CallDispatcher dispatcher;
  private volatile boolean accepting = true;
  private Undertow server;
  private InetSocketAddress address;

  public HttpListener(HttpListenerConfig config) {
    this(config, Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  /** @param ioThreads Undertow I/O threads; every request is served on them (nothing blocks) */
  public HttpListener(HttpListenerConfig config, int ioThreads) {
    if (ioThreads < 1) throw new IllegalArgumentException("ioThreads: " + ioThreads + " (expected: at least 1)");
    this.config = config;
    this.ioThreads = ioThreads;
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public synchronized void start(CallDispatcher dispatcher) throws IOException {
    if (server != null) throw new IllegalStateException("already started");
    this.dispatcher = dispatcher;
    Undertow s = Undertow.builder()
        .addHttpListener(config.port(), config.host())
        .setIoThreads(ioThreads)
        .setWorkerThreads(1) // nothing is dispatched to workers; Undertow insists on a pool
        .setServerOption(UndertowOptions.DECODE_URL, false) // split first, then decode: %2F stays inside its segment
        // "Expect: 100-continue" (curl, for bodies over 1 KiB) is answered when the body is first read, so a
        // request refused before that (413 by Content-Length, 415, 404) never invites the body.
        .setHandler(new HttpContinueReadHandler(this::handle))
        .build();
    try {
      s.start();
    } catch (RuntimeException e) {
      s.stop(); // releases the I/O threads started before the bind failed
      Throwable cause = e;
      while (cause.getCause() != null) cause = cause.getCause();
      throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + cause.getMessage(), e);
    }
    server = s;
    address = (InetSocketAddress) s.getListenerInfo().get(0).getAddress();
  }

  @Override
  public synchronized InetSocketAddress address() {
    if (address == null) throw new IllegalStateException("not started");
    return address;
  }

  /** From now on calls are answered 503 and {@code /healthz} reports {@code stopping}; calls in flight complete. */
  @Override
  public void stopAccepting() {
    accepting = false;
  }

  /**
   * Stops accepting, waits briefly for answers already computed to be written (a call the pipeline
   * has finished may still be on its way to the socket), then closes every connection and releases
   * the port.
   */
  @Override
  public synchronized void close() {
    accepting = false;
    if (server == null) return;
    long end = System.nanoTime() + CLOSE_WAIT_NANOS;
    synchronized (answered) {
      while (unanswered.get() > 0 && System.nanoTime() < end) {
        try {
          answered.wait(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    server.stop();
    server = null;
  }

  /** The compiled routes for the snapshot being served; compiled by the first request that sees a new snapshot. */
  HttpRoutes routes() {
    RouteSnapshot now = dispatcher.router().snapshot();
    HttpRoutes r = routes;
    if (r.snapshot() == now) return r;
    synchronized (compileLock) {
      r = routes;
      if (r.snapshot() != now) routes = r = HttpRoutes.compile(now);
      return r;
    }
  }

  private void handle(HttpServerExchange ex) {
    try {
      route(ex);
    } catch (RuntimeException e) {
      // A bug of ours: the caller gets the error shape without internals, the log gets the rest.
      log.warn("{} {} failed", ex.getRequestMethod(), ex.getRequestPath(), e);
      if (!ex.isResponseStarted()) sendError(ex, 500, StatusCode.INTERNAL, "internal error");
    }
  }

  private void route(HttpServerExchange ex) {
    String verb = ex.getRequestMethod().toString();
    String rawPath = ex.getRequestPath();
    if (rawPath.equals("/healthz")) {
      health(ex, verb);
      return;
    }
    if (!accepting) {
      sendError(ex, 503, StatusCode.UNAVAILABLE, "the gateway is shutting down");
      return;
    }
    RequestPath path;
    try {
      path = RequestPath.parse(rawPath);
    } catch (IllegalArgumentException e) {
      sendError(ex, 400, StatusCode.INVALID_ARGUMENT, "path: " + e.getMessage());
      return;
    }
    HttpRoutes routes = routes();
    String[] segments = path.decoded();
    // /<service>/<method> of a routed service is an RPC-style call; any other path is a resource.
    boolean rpcPath = segments.length == 2 && routes.snapshot().route(segments[0]) != null;
    if (rpcPath && verb.equals("POST")) {
      rpc(ex, routes, segments[0], segments[1]);
      return;
    }
    ResourceRoute resource = routes.match(verb, path);
    if (resource != null) {
      resource(ex, resource, path);
      return;
    }
    TreeSet<String> allowed = routes.verbsAt(path);
    if (rpcPath) allowed.add("POST");
    if (!allowed.isEmpty()) {
      notAllowed(ex, verb, rawPath, allowed);
    } else {
      sendError(ex, 404, StatusCode.NOT_FOUND, "no route for " + verb + " " + rawPath);
    }
  }

  private void health(HttpServerExchange ex, String verb) {
    if (!verb.equals("GET")) {
      notAllowed(ex, verb, "/healthz", new TreeSet<>(List.of("GET")));
      return;
    }
    send(ex, accepting ? 200 : 503, accepting ? HEALTHY : STOPPING);
  }

  private void notAllowed(HttpServerExchange ex, String verb, String rawPath, TreeSet<String> allowed) {
    String list = String.join(", ", allowed);
    ex.getResponseHeaders().put(ALLOW, list);
    sendError(ex, 405, StatusCode.UNIMPLEMENTED, "method " + verb + " is not allowed for " + rawPath + " (allowed: " + list + ")");
  }

  private void rpc(HttpServerExchange ex, HttpRoutes routes, String service, String method) {
    RouteMethod m = routes.snapshot().method(service, method);
    if (m == null) {
      send(ex, HttpErrorResponse.unknownMethod(routes.snapshot().route(service).callerService().qualifiedName(), method));
      return;
    }
    MethodEndpoint endpoint = routes.endpoint(m);
    if (!jsonContent(ex)) return;
    readBody(ex, body -> dispatch(ex, endpoint, body.length == 0 ? JsonResponses.emptyObject() : body, ""));
  }

  private void resource(HttpServerExchange ex, ResourceRoute route, RequestPath path) {
    String[] values = route.template().values(path);
    Consumer<byte[]> then = body -> {
      byte[] request;
      try {
        request = RequestAssembler.assemble(route, values, ex.getQueryString(), body);
      } catch (BadRequestException e) {
        sendError(ex, 400, StatusCode.INVALID_ARGUMENT, e.getMessage());
        return;
      }
      dispatch(ex, route.endpoint(), request, route.responseField());
    };
    if (!route.readsBody()) {
      then.accept(new byte[0]);
      return;
    }
    if (!jsonContent(ex)) return;
    readBody(ex, then);
  }

  private boolean jsonContent(HttpServerExchange ex) {
    String problem = JsonResponses.contentTypeProblem(ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
    if (problem == null) return true;
    sendError(ex, 415, StatusCode.INVALID_ARGUMENT, problem);
    return false;
  }

  /** Collects the body without blocking, counting as it streams; answers 413 past the limit. */
  private void readBody(HttpServerExchange ex, Consumer<byte[]> then) {
    // A body is collected in one array, so a configured limit beyond what an array holds is capped there.
    long limit = Math.min(config.maxBodyBytes(), Integer.MAX_VALUE - 8);
    long declared = ex.getRequestContentLength();
    if (declared > limit) {
      tooLarge(ex, "request body of " + declared + " bytes is over the limit of " + limit + " bytes");
      return;
    }
    BodyCollector collector = new BodyCollector(limit, declared, then);
    ex.getRequestReceiver().receivePartialBytes(collector, (e, error) -> {
      log.debug("reading a request body failed", error);
      e.endExchange();
    });
  }

  private static void tooLarge(HttpServerExchange ex, String message) {
    sendError(ex, 413, StatusCode.RESOURCE_EXHAUSTED, message);
  }

  /** Accumulates chunks; runs on the exchange's I/O thread, one chunk at a time. */
  private static final class BodyCollector implements io.undertow.io.Receiver.PartialBytesCallback {
    private static final int INITIAL_BODY_BUFFER = 16 * 1024;
    private final long limit;
    private final Consumer<byte[]> then;
    private byte[] buffer;
    private int size;
    private boolean done;

    BodyCollector(long limit, long declared, Consumer<byte[]> then) {
      this.limit = limit;
      this.then = then;
      // Content-Length is the caller's word, not bytes received: start small and grow as data arrives,
      // so a client that sends headers alone cannot make us hold max_body_size per connection.
      this.buffer = new byte[declared > 0 ? (int) Math.min(declared, INITIAL_BODY_BUFFER) : 256];
    }

    @Override
    public void handle(HttpServerExchange ex, byte[] chunk, boolean last) {
      if (done) return;
      if (size + (long) chunk.length > limit) {
        done = true;
        ex.getRequestReceiver().pause();
        tooLarge(ex, "request body is over the limit of " + limit + " bytes");
        return;
      }
      if (size + chunk.length > buffer.length) buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(buffer.length * 2L, size + (long) chunk.length)));
      System.arraycopy(chunk, 0, buffer, size, chunk.length);
      size += chunk.length;
      if (last) {
        done = true;
        then.accept(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
      }
    }
  }

  private void dispatch(HttpServerExchange ex, MethodEndpoint endpoint, byte[] request, String responseField) {
    Call call = new Call(endpoint.serviceName(), endpoint.methodName(), endpoint.format, request, Deadline.NONE, metadata(ex));
    Cancellation cancellation = Cancellation.create();
    CallerConnection caller = CallerConnection.of(ex.getConnection());
    caller.serving(cancellation);
    unanswered.incrementAndGet();
    ex.addExchangeCompleteListener((done, next) -> {
      caller.served(cancellation);
      if (unanswered.decrementAndGet() == 0) {
        synchronized (answered) {
          answered.notifyAll();
        }
      }
      next.proceed();
    });
    // Dispatched: Undertow leaves the exchange open when the handler returns; the reply's callback ends it.
    ex.dispatch(SameThreadExecutor.INSTANCE, () -> {
      CompletableFuture<Reply> pending = dispatcher.dispatch(endpoint.method, call, cancellation);
      if (!pending.isDone()) caller.watch(cancellation);
      pending.whenComplete((reply, failure) -> {
        try {
          if (failure != null) {
            log.warn("call {} failed inside the gateway", call, failure);
            sendError(ex, 500, StatusCode.INTERNAL, "internal error");
          } else {
            respond(ex, endpoint, reply, responseField);
          }
        } catch (RuntimeException e) {
          log.warn("answering {} failed", call, e);
          sendError(ex, 500, StatusCode.INTERNAL, "internal error");
        }
      });
    });
  }

  private static void respond(HttpServerExchange ex, MethodEndpoint endpoint, Reply reply, String responseField) {
    if (!reply.isOk()) {
      Status status = reply.status();
      send(ex, HttpErrorResponse.of(status, endpoint.exceptions.httpStatus(status), MethodEndpoint.detailJson(status)));
      return;
    }
    if (endpoint.method.isOneway()) {
      send(ex, 202, JsonResponses.emptyObject());
      return;
    }
    if (reply.format() != endpoint.format) {
      log.warn("{}/{}: the reply came back as {} (expected: {}); is a translator missing for this route?", endpoint.serviceName(), endpoint.methodName(), reply.format(), endpoint.format);
      sendError(ex, 500, StatusCode.INTERNAL, "internal error");
      return;
    }
    byte[] payload = reply.payload().length == 0 ? JsonResponses.emptyObject() : reply.payload();
    if (!responseField.isEmpty()) payload = field(payload, responseField);
    send(ex, 200, payload);
  }

  /** The {@code response_body} field of a response message (by JSON name, else by proto name). */
  private static byte[] field(byte[] payload, String name) {
    try {
      JsonNode root = JSON.readTree(payload);
      JsonNode value = root.get(lowerCamel(name));
      if (value == null) value = root.get(name);
      return value == null ? "null".getBytes(StandardCharsets.US_ASCII) : JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("the translator's JSON did not parse", e);
    }
  }

  private static String lowerCamel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  /** {@code authorization} and {@code x-*} headers; the rest describe this hop, not the call. */
  private static Metadata metadata(HttpServerExchange ex) {
    Metadata.Builder b = null;
    for (HeaderValues h : ex.getRequestHeaders()) {
      String name = h.getHeaderName().toString().toLowerCase(Locale.ROOT);
      if (!name.equals("authorization") && !name.startsWith("x-")) continue;
      if (b == null) b = Metadata.builder();
      for (String v : h) b.add(name, v);
    }
    return b == null ? Metadata.EMPTY : b.build();
  }

  /**
   * The caller's end of one connection, as far as cancelling goes: cancels the call being served on it
   * when the connection closes before the reply is sent.
   *
   * <p>Design note: Undertow stops reading a connection while its exchange is being served (the next
   * request waits), so a caller that closes its socket meanwhile goes unnoticed until the reply is
   * written. {@link #watch} therefore reads the socket itself while the call is in flight, with
   * Undertow's read side handed over: end of stream (the caller closed or half-closed; as for nginx,
   * that is a caller who left) or a read error closes the connection, and the close listener cancels.
   * Bytes that arrive instead are the caller's next request, sent early (pipelining): they are given
   * back to Undertow ({@code ungetRequestBytes}), which parses them after this exchange, and watching
   * ends. When the exchange completes Undertow installs its own read listener again.
   *
   * <p>One per connection, created with its first call and kept as an attachment, so that a keep-alive
   * connection carries one close listener however many calls it serves; between calls it refers to no
   * call, so a completed call is not kept alive by it.
   *
   * <p>Threading: everything but the close listener runs on the connection's I/O thread; calls on one
   * HTTP/1.1 connection are served one after the other, bracketed by {@link #serving} and
   * {@link #served}. A close that races {@link #served} cancels a call just answered: no effect.
   */
  private static final class CallerConnection implements ServerConnection.CloseListener, ChannelListener<ConduitStreamSourceChannel> {
    private static final AttachmentKey<CallerConnection> KEY = AttachmentKey.create(CallerConnection.class);

    private final ServerConnection connection;
    private volatile Cancellation current;

    private CallerConnection(ServerConnection connection) {
      this.connection = connection;
    }

    static CallerConnection of(ServerConnection connection) {
      CallerConnection c = connection.getAttachment(KEY);
      if (c == null) {
        c = new CallerConnection(connection);
        connection.putAttachment(KEY, c);
        connection.addCloseListener(c);
      }
      return c;
    }

    void serving(Cancellation cancellation) {
      current = cancellation;
    }

    void served(Cancellation call) {
      if (current == call) current = null;
    }

    /**
     * Reads the caller's side until the exchange completes; only for a call still waiting for its
     * reply, on a plain HTTP/1.1 connection with no early request bytes already buffered. Starts from
     * a task on the connection's I/O thread, after the event being handled: the request body's
     * receiver suspends reads when it is done, which is after it handed the body to the dispatch.
     */
    void watch(Cancellation call) {
      if (!(connection instanceof HttpServerConnection http)) return;
      http.getIoThread().execute(() -> {
        if (current != call || http.getExtraBytes() != null || !http.isOpen()) return;
        ConduitStreamSourceChannel source = http.getChannel().getSourceChannel();
        // The socket's read-readiness went to the request body's channel when the body was read;
        // setting the connection's own conduit again takes it back (Undertow does the same when the
        // exchange completes). No early bytes are buffered, so the plain socket conduit is the one.
        source.setConduit(http.getOriginalSourceConduit());
        source.setReadListener(this);
        source.resumeReads();
      });
    }

    @Override
    public void handleEvent(ConduitStreamSourceChannel source) {
      HttpServerConnection http = (HttpServerConnection) connection;
      PooledByteBuffer pooled = http.getByteBufferPool().allocate();
      boolean handedOver = false;
      try {
        ByteBuffer buffer = pooled.getBuffer();
        int n = source.read(buffer);
        if (n == 0) return;
        source.suspendReads();
        if (n > 0) {
          buffer.flip();
          http.ungetRequestBytes(pooled);
          handedOver = true;
          return;
        }
        IoUtils.safeClose(http);
      } catch (IOException e) {
        source.suspendReads();
        IoUtils.safeClose(http);
      } finally {
        if (!handedOver) pooled.close();
      }
    }

    @Override
    public void closed(ServerConnection closedConnection) {
      Cancellation c = current;
      if (c != null) c.cancel();
    }
  }
}
