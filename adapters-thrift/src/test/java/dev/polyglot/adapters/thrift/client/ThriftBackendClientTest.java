package dev.polyglot.adapters.thrift.client;

import static dev.polyglot.adapters.thrift.testing.ThriftValues.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.thrift.testing.EchoBackend;
import dev.polyglot.adapters.thrift.testing.EchoGateway;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Args;
import dev.polyglot.adapters.thrift.testing.ThriftValues;
import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ThriftBackendClient} against real libthrift backends on 127.0.0.1: requests and results are
 * written and read with libthrift's protocol classes, never with the gateway's code.
 */
class ThriftBackendClientTest {
  private static Schema schema;
  private static ServiceDef echo;
  private final List<AutoCloseable> resources = new ArrayList<>();

  @BeforeAll
  static void loadIdl() throws Exception {
    schema = IdlLoader.create().load(List.of(EchoGateway.echoIdl()));
    echo = schema.requireService("echo.Echo");
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) resources.get(i).close();
  }

  private EchoBackend backend(ThriftTransport transport, ThriftEncoding encoding) throws Exception {
    EchoBackend b = EchoBackend.start(transport, encoding);
    resources.add(b);
    return b;
  }

  private ThriftBackendClient client(BackendConfig config) {
    ThriftBackendClient c = (ThriftBackendClient) new ThriftBackendFactory().create(config);
    resources.add(c);
    return c;
  }

  private BackendMethod method(ThriftBackendClient client, String name) {
    return client.bind(schema, echo, echo.method(name).orElseThrow());
  }

  private static Reply call(BackendMethod m, ThriftEncoding encoding, Args args) {
    return m.call(args(encoding, args), Deadline.after(Duration.ofSeconds(10)), Metadata.EMPTY).join();
  }

  static Stream<Arguments> styles() {
    return Stream.of(ThriftTransport.values()).flatMap(t -> Stream.of(ThriftEncoding.values()).map(e -> Arguments.of(t, e)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("styles")
  void aCallReturnsTheResultStructInTheBackendsEncoding(ThriftTransport transport, ThriftEncoding encoding) throws Exception {
    EchoBackend backend = backend(transport, encoding);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).transport(transport).encoding(encoding).build());
    WireFormat format = encoding == ThriftEncoding.BINARY ? WireFormat.THRIFT_BINARY : WireFormat.THRIFT_COMPACT;
    assertEquals(format, client.format());

    Reply echoed = call(method(client, "echo"), encoding, Args.string(1, "hello"));
    assertEquals(format, echoed.format());
    assertEquals("hello", text(result(encoding, echoed.payload()).get((short) 0)));

    Reply ping = call(method(client, "ping"), encoding, Args.NONE);
    assertArrayEquals(new byte[] {0}, ping.payload());
    assertEquals(List.of("echo", "ping"), backend.messageNames());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("styles")
  void aDeclaredExceptionIsAnErrorReplyCarryingTheExceptionStruct(ThriftTransport transport, ThriftEncoding encoding) throws Exception {
    EchoBackend backend = backend(transport, encoding);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).transport(transport).encoding(encoding).build());
    BackendMethod lookup = method(client, "lookup");

    Status notFound = call(lookup, encoding, Args.string(1, "missing")).status();
    assertEquals(StatusCode.NOT_FOUND, notFound.code());
    assertEquals("no entry missing", notFound.message());
    Status.Detail nf = notFound.detail().orElseThrow();
    assertEquals("echo.NotFound", nf.typeName());
    assertEquals(client.format(), nf.format());
    Map<Short, Object> nfFields = struct(encoding, nf.payload());
    assertEquals("no entry missing", text(nfFields.get((short) 1)));
    assertEquals("missing", text(nfFields.get((short) 2)));

    Status rejected = call(lookup, encoding, Args.string(1, "bad")).status();
    assertEquals(StatusCode.UNKNOWN, rejected.code());
    assertEquals("rejected bad", rejected.message());
    assertEquals("echo.Rejected", rejected.detail().orElseThrow().typeName());
    Map<Short, Object> rFields = struct(encoding, rejected.detail().orElseThrow().payload());
    assertEquals("rejected bad", text(rFields.get((short) 1)));
    assertEquals(42, rFields.get((short) 2));
  }

  @Test
  void anApplicationExceptionMapsToInternalOrUnimplemented() throws Exception {
    EchoBackend backend = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).build());
    Status failed = call(method(client, "fail"), ThriftEncoding.BINARY, Args.string(1, "boom")).status();
    assertEquals(StatusCode.INTERNAL, failed.code());
    assertEquals("boom", failed.message());
    Status retired = call(method(client, "retired"), ThriftEncoding.BINARY, Args.NONE).status();
    assertEquals(StatusCode.UNIMPLEMENTED, retired.code());
    assertEquals("Invalid method name: 'retired'", retired.message());
  }

  @Test
  void aOnewayCallCompletesOnceWrittenAndArrives() throws Exception {
    EchoBackend backend = backend(ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).transport(ThriftTransport.BUFFERED).encoding(ThriftEncoding.COMPACT).build());
    Reply r = call(method(client, "log"), ThriftEncoding.COMPACT, Args.string(1, "written"));
    assertTrue(r.isOk());
    assertEquals(0, r.payload().length);
    // The same connection serves the next call, so no reply to the oneway call was expected on it.
    assertEquals("next", text(result(ThriftEncoding.COMPACT, call(method(client, "echo"), ThriftEncoding.COMPACT, Args.string(1, "next")).payload()).get((short) 0)));
    assertEquals(List.of("written"), backend.events());
    assertEquals(1, backend.connectionsAccepted());
  }

  @Test
  void aMultiplexedServiceNamePrefixesTheMethod() throws Exception {
    EchoBackend backend = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).multiplexedService("Echo").build());
    assertEquals("m", text(result(ThriftEncoding.BINARY, call(method(client, "echo"), ThriftEncoding.BINARY, Args.string(1, "m")).payload()).get((short) 0)));
    assertEquals(List.of("Echo:echo"), backend.messageNames());
  }

  @Test
  void sequentialCallsReuseOnePooledConnection() throws Exception {
    EchoBackend backend = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).build());
    BackendMethod m = method(client, "echo");
    for (int i = 0; i < 20; i++) assertEquals("v" + i, text(result(ThriftEncoding.BINARY, call(m, ThriftEncoding.BINARY, Args.string(1, "v" + i)).payload()).get((short) 0)));
    assertEquals(1, backend.connectionsAccepted());
    assertEquals(1, client.connectionsOpened());
    assertEquals(20, backend.calls());
  }

  @Test
  void concurrentCallsOpenConnectionsAndAtMostPoolSizeStayIdle() throws Exception {
    EchoBackend backend = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).poolSize(2).build());
    BackendMethod sleep = method(client, "sleep");
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 4; i++) replies.add(sleep.call(args(ThriftEncoding.BINARY, Args.i32(1, 300)), Deadline.after(Duration.ofSeconds(10)), Metadata.EMPTY));
    for (CompletableFuture<Reply> r : replies) assertTrue(r.join().isOk());
    assertEquals(4, backend.connectionsAccepted());
    BackendMethod m = method(client, "echo");
    for (int i = 0; i < 6; i++) assertTrue(call(m, ThriftEncoding.BINARY, Args.string(1, "x")).isOk());
    // Two connections were kept and reused; the other two were closed when returned.
    assertEquals(4, backend.connectionsAccepted());
    assertEquals(4, client.connectionsOpened());
  }

  @Test
  void atMostMaxConnectionsCallsRunAtOnceAndTheRestWaitForAFreeConnection() throws Exception {
    EchoBackend backend = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).poolSize(2).maxConnections(2).build());
    BackendMethod sleep = method(client, "sleep");
    long start = System.nanoTime();
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 6; i++) replies.add(sleep.call(args(ThriftEncoding.BINARY, Args.i32(1, 200)), Deadline.after(Duration.ofSeconds(10)), Metadata.EMPTY));
    for (CompletableFuture<Reply> r : replies) assertTrue(r.join().isOk(), r.join().toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    // Six calls of 200 ms, two at a time: three rounds.
    assertTrue(millis >= 580, "six calls took " + millis + " ms");
    assertEquals(2, backend.connectionsAccepted());
    assertEquals(2, client.connectionsOpened());
  }

  @Test
  void aCallWaitingForAConnectionPastItsDeadlineIsDeadlineExceeded() throws Exception {
    EchoBackend backend = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).poolSize(1).maxConnections(1).build());
    CompletableFuture<Reply> busy = method(client, "sleep").call(args(ThriftEncoding.BINARY, Args.i32(1, 1000)), Deadline.after(Duration.ofSeconds(10)),
        Metadata.EMPTY);
    Thread.sleep(100); // the sleep call holds the only connection by now
    long start = System.nanoTime();
    Reply waited = method(client, "echo").call(args(ThriftEncoding.BINARY, Args.string(1, "late")), Deadline.after(Duration.ofMillis(200)),
        Metadata.EMPTY).join();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(StatusCode.DEADLINE_EXCEEDED, waited.status().code());
    assertEquals("backend echo-backend: no connection free before the deadline (all 1 of max_connections to 127.0.0.1:" + backend.port() + " busy)",
        waited.status().message());
    assertTrue(millis >= 190 && millis < 900, "gave up after " + millis + " ms");
    assertTrue(busy.join().isOk());
    // The connection is free again: the next call is served on it.
    assertEquals("now", text(result(ThriftEncoding.BINARY, call(method(client, "echo"), ThriftEncoding.BINARY, Args.string(1, "now")).payload()).get((short) 0)));
    assertEquals(1, backend.connectionsAccepted());
  }

  @Test
  void aConnectionTheBackendClosedIsReplacedWithoutFailingTheCall() throws Exception {
    EchoBackend backend = backend(ThriftTransport.BUFFERED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).transport(ThriftTransport.BUFFERED).build());
    BackendMethod m = method(client, "echo");
    assertTrue(call(m, ThriftEncoding.BINARY, Args.string(1, "before")).isOk());
    backend.dropConnections();
    Thread.sleep(100);
    Reply after = call(m, ThriftEncoding.BINARY, Args.string(1, "after"));
    assertEquals("after", text(result(ThriftEncoding.BINARY, after.payload()).get((short) 0)));
    assertEquals(2, backend.connectionsAccepted());
    assertEquals(2, client.connectionsOpened());
  }

  @Test
  void aCallPastItsDeadlineIsDeadlineExceededAndItsConnectionDiscarded() throws Exception {
    EchoBackend backend = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).build());
    long start = System.nanoTime();
    Reply r = method(client, "sleep").call(args(ThriftEncoding.BINARY, Args.i32(1, 3000)), Deadline.after(Duration.ofMillis(200)), Metadata.EMPTY).join();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(StatusCode.DEADLINE_EXCEEDED, r.status().code());
    assertEquals("backend echo-backend did not answer sleep before the deadline", r.status().message());
    assertTrue(millis >= 190 && millis < 2000, "gave up after " + millis + "ms");
    // The late reply must not be read as the next call's answer: a new connection serves it.
    assertEquals("fresh", text(result(ThriftEncoding.BINARY, call(method(client, "echo"), ThriftEncoding.BINARY, Args.string(1, "fresh")).payload()).get((short) 0)));
    assertEquals(2, backend.connectionsAccepted());
  }

  @Test
  void theBackendsTimeoutAppliesWhenTheCallHasNoDeadline() throws Exception {
    EchoBackend backend = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).timeout(Duration.ofMillis(250)).build());
    Reply r = method(client, "sleep").call(args(ThriftEncoding.BINARY, Args.i32(1, 3000)), Deadline.NONE, Metadata.EMPTY).join();
    assertEquals(StatusCode.DEADLINE_EXCEEDED, r.status().code());
    assertEquals("backend echo-backend did not answer sleep before the deadline", r.status().message());
  }

  @Test
  void aBackendThatIsDownIsUnavailableAndBindingDoesNotConnect() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    ThriftBackendClient client = client(EchoGateway.backend(deadPort).build());
    BackendMethod m = method(client, "echo");
    assertEquals(0, client.connectionsOpened());
    Reply r = call(m, ThriftEncoding.BINARY, Args.string(1, "x"));
    assertEquals(StatusCode.UNAVAILABLE, r.status().code());
    assertEquals("backend echo-backend is unavailable", r.status().message());
  }

  @Test
  void endpointsTakeCallsRoundRobin() throws Exception {
    EchoBackend first = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    EchoBackend second = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(first.port()).endpoint("127.0.0.1", second.port()).build());
    BackendMethod m = method(client, "echo");
    for (int i = 0; i < 6; i++) assertTrue(call(m, ThriftEncoding.BINARY, Args.string(1, "rr")).isOk());
    assertEquals(3, first.calls());
    assertEquals(3, second.calls());
    assertEquals(1, first.connectionsAccepted());
    assertEquals(1, second.connectionsAccepted());
  }

  @Test
  void aClosedClientAnswersUnavailable() throws Exception {
    EchoBackend backend = backend(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).build());
    BackendMethod m = method(client, "echo");
    assertTrue(call(m, ThriftEncoding.BINARY, Args.string(1, "open")).isOk());
    client.close();
    Reply r = call(m, ThriftEncoding.BINARY, Args.string(1, "closed"));
    assertEquals(StatusCode.UNAVAILABLE, r.status().code());
    assertEquals("backend echo-backend is closed", r.status().message());
  }

  @Test
  void aOneMebibyteRequestAndReplyRoundTrip() throws Exception {
    EchoBackend backend = backend(ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
    ThriftBackendClient client = client(EchoGateway.backend(backend.port()).transport(ThriftTransport.BUFFERED).encoding(ThriftEncoding.COMPACT).build());
    byte[] payload = new byte[1 << 20];
    new Random(3).nextBytes(payload);
    Reply r = call(method(client, "echoBinary"), ThriftEncoding.COMPACT, Args.binary(1, payload));
    assertEquals(ByteBuffer.wrap(payload), result(ThriftEncoding.COMPACT, r.payload()).get((short) 0));
  }

  // ---- bytes written and read with libthrift ----

  private static TProtocol protocol(ThriftEncoding encoding, TTransport t) {
    return encoding == ThriftEncoding.BINARY ? new TBinaryProtocol(t) : new TCompactProtocol(t);
  }

  private static byte[] args(ThriftEncoding encoding, Args args) {
    try {
      TMemoryBuffer buffer = new TMemoryBuffer(64);
      TProtocol p = protocol(encoding, buffer);
      p.writeStructBegin(new TStruct("args"));
      args.write(p);
      p.writeFieldStop();
      p.writeStructEnd();
      return Arrays.copyOf(buffer.getArray(), buffer.length());
    } catch (TException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Short, Object> result(ThriftEncoding encoding, byte[] resultStruct) throws TException {
    return struct(encoding, resultStruct);
  }

  private static Map<Short, Object> struct(ThriftEncoding encoding, byte[] bytes) throws TException {
    TMemoryInputTransport in = new TMemoryInputTransport(bytes);
    Map<Short, Object> fields = ThriftValues.readStruct(protocol(encoding, in));
    assertEquals(0, in.getBytesRemainingInBuffer(), "bytes after the struct");
    return fields;
  }
}
