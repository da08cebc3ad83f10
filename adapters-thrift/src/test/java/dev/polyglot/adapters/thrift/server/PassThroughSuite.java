package dev.polyglot.adapters.thrift.server;

import static dev.polyglot.adapters.thrift.testing.ThriftValues.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.adapters.thrift.testing.CallerStyle;
import dev.polyglot.adapters.thrift.testing.EchoBackend;
import dev.polyglot.adapters.thrift.testing.EchoGateway;
import dev.polyglot.adapters.thrift.testing.Everything;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Answer;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Args;
import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thrift caller → gateway → Thrift backend over a pass-through route, against a real libthrift
 * backend; subclassed once per backend transport and encoding. Callers use libthrift's transports and
 * protocols in every style that the route can pass through untranslated (the caller's encoding equals
 * the backend's; both transports; strict and non-strict binary).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PassThroughSuite {
  private final ThriftTransport backendTransport;
  private final ThriftEncoding backendEncoding;
  private EchoBackend backend;
  private EchoGateway gateway;

  PassThroughSuite(ThriftTransport backendTransport, ThriftEncoding backendEncoding) {
    this.backendTransport = backendTransport;
    this.backendEncoding = backendEncoding;
  }

  @BeforeAll
  void start() throws Exception {
    backend = EchoBackend.start(backendTransport, backendEncoding);
    gateway = EchoGateway.start(EchoGateway.backend(backend.port()).transport(backendTransport).encoding(backendEncoding).build());
  }

  @AfterAll
  void stop() throws Exception {
    if (gateway != null) gateway.close();
    if (backend != null) backend.close();
  }

  Stream<CallerStyle> callers() {
    List<CallerStyle> styles = new ArrayList<>();
    for (ThriftTransport t : ThriftTransport.values()) {
      styles.add(CallerStyle.of(t, backendEncoding));
      if (backendEncoding == ThriftEncoding.BINARY) styles.add(CallerStyle.nonStrict(t));
    }
    return styles.stream();
  }

  Stream<org.junit.jupiter.params.provider.Arguments> callersAndSeqids() {
    return callers().flatMap(c -> Stream.of(Integer.MAX_VALUE, -5, 0, Integer.MIN_VALUE)
        .map(id -> org.junit.jupiter.params.provider.Arguments.of(c, id)));
  }

  private ThriftTestClient connect(CallerStyle style) throws Exception {
    return ThriftTestClient.connect(gateway.address(), style);
  }

  @ParameterizedTest(name = "{0}, seqid {1}")
  @MethodSource("callersAndSeqids")
  void aCallIsAnsweredWithItsSequenceIdEchoed(CallerStyle style, int seqid) throws Exception {
    try (ThriftTestClient client = connect(style)) {
      Answer a = client.call("echo", seqid, Args.string(1, "héllo " + seqid));
      assertEquals(seqid, a.header().seqid);
      assertEquals(TMessageType.REPLY, a.header().type);
      assertEquals("echo", a.header().name);
      assertEquals("héllo " + seqid, text(a.success()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void manyCallsShareOneConnection(CallerStyle style) throws Exception {
    try (ThriftTestClient client = connect(style)) {
      for (int i = 0; i < 20; i++) assertEquals("value of k" + i, text(client.call("lookup", 1000 + i, Args.string(1, "k" + i)).success()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void aVoidMethodAnswersAnEmptyResultStruct(CallerStyle style) throws Exception {
    try (ThriftTestClient client = connect(style)) {
      Answer a = client.call("ping", 7, Args.NONE);
      assertEquals(TMessageType.REPLY, a.header().type);
      assertEquals(Map.of(), a.result());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void multiplexedNamesPickTheServiceByQualifiedOrSimpleName(CallerStyle style) throws Exception {
    try (ThriftTestClient client = connect(style)) {
      client.sendMultiplexed("echo.Echo", "echo", TMessageType.CALL, 11, Args.string(1, "by qualified name"));
      Answer a = client.receive();
      assertEquals(11, a.header().seqid);
      assertEquals("by qualified name", text(a.success()));
      client.sendMultiplexed("Echo", "echo", TMessageType.CALL, 12, Args.string(1, "by simple name"));
      Answer b = client.receive();
      assertEquals(12, b.header().seqid);
      assertEquals("by simple name", text(b.success()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void aDeclaredExceptionPassesThroughWithItsFields(CallerStyle style) throws Exception {
    try (ThriftTestClient client = connect(style)) {
      Answer notFound = client.call("lookup", 21, Args.string(1, "missing"));
      assertEquals(TMessageType.REPLY, notFound.header().type);
      assertEquals(21, notFound.header().seqid);
      assertEquals(List.of((short) 1), List.copyOf(notFound.result().keySet()));
      @SuppressWarnings("unchecked")
      Map<Short, Object> nf = (Map<Short, Object>) notFound.result().get((short) 1);
      assertEquals("no entry missing", text(nf.get((short) 1)));
      assertEquals("missing", text(nf.get((short) 2)));

      Answer rejected = client.call("lookup", 22, Args.string(1, "bad"));
      assertEquals(List.of((short) 4), List.copyOf(rejected.result().keySet()));
      @SuppressWarnings("unchecked")
      Map<Short, Object> r = (Map<Short, Object>) rejected.result().get((short) 4);
      assertEquals("rejected bad", text(r.get((short) 1)));
      assertEquals(42, r.get((short) 2));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void anUndeclaredFailureIsAnApplicationExceptionWithTheBackendsMessage(CallerStyle style) throws Exception {
    try (ThriftTestClient client = connect(style)) {
      Answer a = client.call("fail", -5, Args.string(1, "the disk is full"));
      assertEquals(TMessageType.EXCEPTION, a.header().type);
      assertEquals(-5, a.header().seqid);
      assertEquals(TApplicationException.INTERNAL_ERROR, a.error().getType());
      assertEquals("the disk is full", a.error().getMessage());
      // The connection is still good.
      assertEquals("after", text(client.call("echo", 1, Args.string(1, "after")).success()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void aMethodTheBackendDoesNotKnowIsUnknownMethod(CallerStyle style) throws Exception {
    try (ThriftTestClient client = connect(style)) {
      Answer a = client.call("retired", 31, Args.NONE);
      assertEquals(TApplicationException.UNKNOWN_METHOD, a.error().getType());
      assertEquals("Invalid method name: 'retired'", a.error().getMessage());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void aOnewayCallIsDeliveredAndNotAnswered(CallerStyle style) throws Exception {
    String event = "event " + style + " " + System.nanoTime();
    try (ThriftTestClient client = connect(style)) {
      client.send("log", TMessageType.ONEWAY, 41, Args.string(1, event));
      assertFalse(client.anythingArrivesWithin(300));
    }
    try (ThriftTestClient client = connect(style)) {
      Answer a = client.call("logged", 42, Args.NONE);
      // The first message on the connection answers the call after the oneway one.
      assertEquals(42, a.header().seqid);
      @SuppressWarnings("unchecked")
      List<Object> events = (List<Object>) a.success();
      assertEquals(event, text(events.get(events.size() - 1)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void aOnewayCallFollowedByACallOnOneConnectionAnswersOnlyTheCall(CallerStyle style) throws Exception {
    String event = "pipelined " + style + " " + System.nanoTime();
    try (ThriftTestClient client = connect(style)) {
      client.send("log", TMessageType.ONEWAY, 51, Args.string(1, event));
      Answer a = client.call("echo", 52, Args.string(1, "next"));
      assertEquals(52, a.header().seqid);
      assertEquals("next", text(a.success()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void aOneMebibytePayloadRoundTrips(CallerStyle style) throws Exception {
    byte[] payload = new byte[1 << 20];
    new Random(7).nextBytes(payload);
    try (ThriftTestClient client = connect(style)) {
      Answer a = client.call("echoBinary", 61, Args.binary(1, payload));
      assertNull(a.error());
      assertEquals(ByteBuffer.wrap(payload), a.success());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void aValueOfEveryThriftTypePassesThroughUnchanged(CallerStyle style) throws Exception {
    Map<Short, Object> expected = Everything.expected(buffer -> backendEncoding == ThriftEncoding.BINARY
        ? new TBinaryProtocol(buffer) : new TCompactProtocol(buffer));
    assertEquals(19, expected.size());
    assertEquals(Everything.ID, expected.get((short) 10));
    try (ThriftTestClient client = connect(style)) {
      Answer a = client.call("echoEverything", 81, p -> {
        p.writeFieldBegin(new TField("value", TType.STRUCT, (short) 1));
        Everything.write(p);
        p.writeFieldEnd();
      });
      assertEquals(81, a.header().seqid);
      assertEquals(expected, a.success());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void manyConnectionsAreServedConcurrently(CallerStyle style) throws Exception {
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Integer>> seqids = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < callers; i++) {
        int seqid = 500 + i;
        seqids.add(pool.submit(() -> {
          try (ThriftTestClient client = connect(style)) {
            return client.call("sleep", seqid, Args.i32(1, 1500)).header().seqid;
          }
        }));
      }
      for (int i = 0; i < callers; i++) assertEquals(500 + i, seqids.get(i).get(30, TimeUnit.SECONDS));
      long millis = (System.nanoTime() - start) / 1_000_000;
      // Eight 1.5 s calls one after another would take 12 s; served concurrently they take about 1.5 s.
      // The margin is wide because this machine's two cores may be busy with other builds.
      assertTrue(millis < 6000, "took " + millis + "ms");
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callers")
  void aCallerInTheOtherEncodingIsTranslatedToTheBackendsEncoding(CallerStyle style) throws Exception {
    ThriftEncoding other = backendEncoding == ThriftEncoding.BINARY ? ThriftEncoding.COMPACT : ThriftEncoding.BINARY;
    try (ThriftTestClient client = connect(CallerStyle.of(style.transport(), other))) {
      Answer a = client.call("echo", 71, Args.string(1, "x"));
      assertEquals(71, a.header().seqid);
      assertEquals(TMessageType.REPLY, a.header().type);
      assertEquals("x", text(a.success()));
    }
  }
}
