package dev.polyglot.adapters.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.http.testing.RecordingBackend;
import dev.polyglot.adapters.http.testing.RecordingBackendFactory;
import dev.polyglot.adapters.http.testing.ValidatingTranslatorFactory;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.call.Cancellation;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.HttpListenerConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.pipeline.CallPipeline;
import dev.polyglot.translate.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An HTTP caller that closes its connection before the reply: the backend call's future is cancelled
 * (a gRPC backend client cancels its call on that; see adapters-grpc's BackendCallCancelTest) and the
 * gateway forgets the call. The callers are raw sockets, so that the test decides when a connection
 * closes. The route times out after 30 s: a cancel seen within 2 s can only come from the caller.
 */
class CallerDisconnectTest {
  private static final String LIBRARY = "test.library.v1.Library";
  private static final BackendConfig BACKEND = BackendConfig.builder("library-backend", BackendProtocol.GRPC).endpoint("127.0.0.1", 9).build();
  private static final String BOOK = "{\"name\":\"shelves/1/books/2\",\"title\":\"Dune\",\"pageCount\":\"412\"}";
  private static final Duration WITHIN = Duration.ofSeconds(2);

  private final RecordingBackendFactory backends = new RecordingBackendFactory(BackendProtocol.GRPC, WireFormat.PROTO_JSON);
  /** The cancellation of every call, in the order the pipeline saw them. */
  private final BlockingQueue<Cancellation> cancellations = new LinkedBlockingQueue<>();
  private Path dir;
  private HttpListener listener;
  private Gateway gateway;

  @BeforeEach
  void start() throws IOException {
    dir = Files.createTempDirectory("caller-disconnect-test");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("idl/library.proto")) {
      Files.copy(in, dir.resolve("library.proto"));
    }
    GatewayConfig config = GatewayConfig.builder()
        .baseDirectory(dir)
        .idl(dir.resolve("library.proto"))
        .listeners(ListenersConfig.NONE)
        .backend(BACKEND)
        .route(RouteConfig.builder(LIBRARY, BACKEND.name()).timeout(Duration.ofSeconds(30)).build())
        .shutdownGracePeriod(Duration.ofSeconds(1))
        .build();
    listener = new HttpListener(new HttpListenerConfig("127.0.0.1", 0, 1024), 2);
    gateway = Gateway.builder(config)
        .listener(listener)
        .backendFactory(backends)
        .translatorFactory(new ValidatingTranslatorFactory())
        .filter((rc, chain) -> {
          cancellations.add(rc.cancellation());
          return chain.proceed(rc);
        })
        .build()
        .start();
  }

  @AfterEach
  void stop() throws IOException {
    if (gateway != null) gateway.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private RecordingBackend library() {
    return backends.backend(BACKEND.name());
  }

  private int inFlight() {
    return ((CallPipeline) gateway.dispatcher()).inFlight();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", listener.address().getPort()), 5_000);
    s.setSoTimeout(5_000);
    return s;
  }

  private static void postGetBook(Socket s) throws IOException {
    byte[] body = "{\"name\":\"shelves/1/books/2\"}".getBytes(StandardCharsets.UTF_8);
    String head = "POST /" + LIBRARY + "/GetBook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    OutputStream out = s.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Reads one response with a Content-Length body; returns the status line and the body. */
  private static List<String> readResponse(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new IOException("connection closed inside the response head: " + head);
      head.write(b);
    }
    String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
    int length = 0;
    for (String line : lines) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Integer.parseInt(line.substring(15).trim());
    }
    byte[] body = in.readNBytes(length);
    return List.of(lines[0], new String(body, StandardCharsets.UTF_8));
  }

  private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + WITHIN.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) return false;
      Thread.sleep(5);
    }
    return true;
  }

  private static void assertCancelledWithin(CompletableFuture<Reply> held) throws InterruptedException, ExecutionException {
    try {
      held.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("the backend's future completed instead of being cancelled");
    } catch (java.util.concurrent.CancellationException expected) {
      assertTrue(held.isCancelled());
    } catch (TimeoutException e) {
      throw new AssertionError("the backend's future was not cancelled within " + WITHIN.toMillis() + " ms");
    }
  }

  @Test
  void aCallerThatClosesItsConnectionBeforeTheReplyCancelsTheBackendCall() throws Exception {
    CompletableFuture<Reply> held = new CompletableFuture<>();
    library().answerLater("GetBook", held);
    Socket caller = connect();
    postGetBook(caller);
    assertTrue(waitFor(() -> library().received().size() == 1));
    assertEquals(1, inFlight());

    caller.close();

    assertCancelledWithin(held);
    assertTrue(cancellations.take().isCancelled());
    assertTrue(waitFor(() -> inFlight() == 0));
  }

  @Test
  void aCallThatIsAnsweredIsNotCancelledWhenItsKeepAliveConnectionClosesLater() throws Exception {
    library().answer("GetBook", BOOK);
    Socket caller = connect();
    postGetBook(caller);
    assertEquals(List.of("HTTP/1.1 200 OK", BOOK), readResponse(caller));
    postGetBook(caller);
    assertEquals(List.of("HTTP/1.1 200 OK", BOOK), readResponse(caller));
    Cancellation first = cancellations.take();
    Cancellation second = cancellations.take();

    caller.close();

    // Give a close listener, if one were still holding a call, the time to run.
    Thread.sleep(200);
    assertFalse(first.isCancelled());
    assertFalse(second.isCancelled());
    assertEquals(0, inFlight());
  }

  @Test
  void onAKeepAliveConnectionOnlyTheCallInFlightIsCancelled() throws Exception {
    library().answer("GetBook", BOOK);
    Socket caller = connect();
    postGetBook(caller);
    assertEquals(List.of("HTTP/1.1 200 OK", BOOK), readResponse(caller));
    Cancellation answered = cancellations.take();
    CompletableFuture<Reply> held = new CompletableFuture<>();
    library().answerLater("GetBook", held);
    postGetBook(caller);
    assertTrue(waitFor(() -> library().received().size() == 2));

    caller.close();

    assertCancelledWithin(held);
    assertTrue(cancellations.take().isCancelled());
    assertFalse(answered.isCancelled());
    assertTrue(waitFor(() -> inFlight() == 0));
  }

  @Test
  void aCallerThatClosesItsConnectionDuringAResourceRouteCallCancelsItToo() throws Exception {
    CompletableFuture<Reply> held = new CompletableFuture<>();
    library().answerLater("GetBook", held);
    Socket caller = connect();
    caller.getOutputStream().write("GET /v1/shelves/1/books/2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(waitFor(() -> library().received().size() == 1));
    assertEquals("{\"name\":\"shelves/1/books/2\"}", library().received().get(0).json());

    caller.close();

    assertCancelledWithin(held);
    assertTrue(waitFor(() -> inFlight() == 0));
  }

  @Test
  void aRequestPipelinedBehindACallInFlightIsKeptAndAnsweredAfterIt() throws Exception {
    CompletableFuture<Reply> held = new CompletableFuture<>();
    library().answerLater("GetBook", held);
    Socket caller = connect();
    postGetBook(caller);
    assertTrue(waitFor(() -> library().received().size() == 1));
    postGetBook(caller);
    // The second request reaches the gateway while the first is in flight: it must not be lost.
    Thread.sleep(200);
    assertEquals(1, library().received().size());

    held.complete(Reply.ok(WireFormat.PROTO_JSON, BOOK.getBytes(StandardCharsets.UTF_8)));

    assertEquals(List.of("HTTP/1.1 200 OK", BOOK), readResponse(caller));
    assertEquals(List.of("HTTP/1.1 200 OK", BOOK), readResponse(caller));
    assertEquals(2, library().received().size());
    assertFalse(cancellations.take().isCancelled());
    assertFalse(cancellations.take().isCancelled());
    caller.close();
  }
}
