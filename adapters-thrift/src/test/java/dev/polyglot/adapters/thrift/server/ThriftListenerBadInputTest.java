package dev.polyglot.adapters.thrift.server;

import static dev.polyglot.adapters.thrift.testing.ThriftValues.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.adapters.thrift.testing.CallerStyle;
import dev.polyglot.adapters.thrift.testing.EchoBackend;
import dev.polyglot.adapters.thrift.testing.EchoGateway;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Answer;
import dev.polyglot.adapters.thrift.testing.ThriftTestClient.Args;
import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.gateway.config.ThriftTransport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and unroutable input on the Thrift listener, byte by byte: each case asserts the exact
 * answer (or that the connection is closed without one), whether that connection still serves a call
 * afterwards, and that a healthy caller on another connection is served while the bad connection is
 * open and after it was dealt with. Limits: 4096-byte frames and messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThriftListenerBadInputTest {
  private static final int LIMIT = 4096;
  private static final CallerStyle FRAMED_BINARY = CallerStyle.of(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
  private static final CallerStyle BUFFERED_BINARY = CallerStyle.of(ThriftTransport.BUFFERED, ThriftEncoding.BINARY);
  private static final CallerStyle BUFFERED_COMPACT = CallerStyle.of(ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);

  private EchoBackend backend;
  private EchoGateway gateway;

  @BeforeAll
  void start() throws Exception {
    backend = EchoBackend.start(ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    gateway = EchoGateway.start(EchoGateway.backend(backend.port()).build(), LIMIT, LIMIT);
  }

  @AfterAll
  void stop() throws Exception {
    if (gateway != null) gateway.close();
    if (backend != null) backend.close();
  }

  /** Expected answer: a TApplicationException (type, message, seqid), or none (closed). */
  record Expected(int type, String message, int seqid) {
    static final Expected NONE = new Expected(-1, null, 0);
  }

  /**
   * @param style how the bad connection's answer is read and its follow-up call made
   * @param halfClose shut the sending side after the bytes (the peer sees the end of the stream)
   * @param survives whether the same connection serves a call afterwards (else it must be closed)
   */
  record BadInput(String name, CallerStyle style, byte[] bytes, boolean halfClose, Expected expected, boolean survives) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadInput> badInputs() throws TException {
    byte[] echoArgs = strictBinary("echo", TMessageType.CALL, 77, Args.string(1, "x"));
    return Stream.of(
        new BadInput("garbage bytes", FRAMED_BINARY, "GET / HTTP/1.1\r\nHost: gateway\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            false, Expected.NONE, false),
        new BadInput("a frame holding an undecodable header", FRAMED_BINARY,
            frame(new byte[] {(byte) 0x80, 0x01, 0x00, 0x01, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}),
            false, new Expected(TApplicationException.PROTOCOL_ERROR, "undecodable message header: invalid length or value", 0), true),
        new BadInput("an oversize frame", FRAMED_BINARY, concat(length(LIMIT + 1), echoArgs),
            false, new Expected(TApplicationException.PROTOCOL_ERROR, "frame of 4097 bytes exceeds max_frame_size of 4096 bytes", 77), false),
        new BadInput("a frame ending inside the arguments", FRAMED_BINARY, frame(truncatedEcho(78)),
            false, new Expected(TApplicationException.PROTOCOL_ERROR, "undecodable arguments of echo: message truncated", 78), true),
        new BadInput("an unknown method", FRAMED_BINARY, frame(strictBinary("nope", TMessageType.CALL, 79, Args.NONE)),
            false, new Expected(TApplicationException.UNKNOWN_METHOD, "unknown method nope of service echo.Echo", 79), true),
        new BadInput("an unknown multiplexed service", FRAMED_BINARY, frame(strictBinary("Nope:echo", TMessageType.CALL, 80, Args.string(1, "x"))),
            false, new Expected(TApplicationException.UNKNOWN_METHOD, "unknown service Nope", 80), true),
        new BadInput("a reply sent to the gateway", FRAMED_BINARY, frame(strictBinary("echo", TMessageType.REPLY, 81, Args.NONE)),
            false, new Expected(TApplicationException.INVALID_MESSAGE_TYPE, "message type 2 (expected: 1 CALL or 4 ONEWAY)", 81), true),
        new BadInput("an unframed message over max_message_size", BUFFERED_BINARY,
            strictBinary("echo", TMessageType.CALL, 82, Args.string(1, "y".repeat(LIMIT + 10))),
            false, new Expected(TApplicationException.PROTOCOL_ERROR, "message exceeds max_message_size of 4096 bytes", 82), false),
        new BadInput("an unframed message cut short", BUFFERED_BINARY, truncatedEcho(83),
            true, new Expected(TApplicationException.PROTOCOL_ERROR, "undecodable arguments of echo: message truncated", 83), false),
        new BadInput("an unknown method in unframed compact", BUFFERED_COMPACT, compact("nope", TMessageType.CALL, 84, Args.NONE),
            false, new Expected(TApplicationException.UNKNOWN_METHOD, "unknown method nope of service echo.Echo", 84), true),
        new BadInput("a non-strict header with an absurd name length", BUFFERED_BINARY, new byte[] {0x7f, 0x00, 0x00, 0x00, 'e', 'c', 'h', 'o'},
            false, Expected.NONE, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsAnsweredExactlyAndHarmsNoOtherConnection(BadInput input) throws Exception {
    try (ThriftTestClient healthy = ThriftTestClient.connect(gateway.address(), FRAMED_BINARY);
        ThriftTestClient bad = ThriftTestClient.connect(gateway.address(), input.style())) {
      bad.rawOut().write(input.bytes());
      bad.rawOut().flush();
      if (input.halfClose()) bad.socket().shutdownOutput();
      // While the bad connection is open: another caller is served.
      assertEquals("during", text(healthy.call("echo", 1, Args.string(1, "during")).success()));

      if (input.expected() != Expected.NONE) {
        Answer a = bad.receive();
        assertEquals(TMessageType.EXCEPTION, a.header().type);
        assertEquals(input.expected().seqid(), a.header().seqid);
        assertEquals(input.expected().type(), a.error().getType());
        assertEquals(input.expected().message(), a.error().getMessage());
      }
      if (input.survives() && input.style().encoding() == ThriftEncoding.BINARY) {
        assertEquals("again", text(bad.call("echo", 2, Args.string(1, "again")).success()));
      } else if (input.survives()) {
        // The route passes binary through untranslated: a compact caller proves it is still served by
        // being answered at all.
        Answer again = bad.call("nope", 2, Args.NONE);
        assertEquals(2, again.header().seqid);
        assertEquals("unknown method nope of service echo.Echo", again.error().getMessage());
      } else {
        TTransportException closed = assertThrows(TTransportException.class, bad::receive);
        assertEquals(TTransportException.END_OF_FILE, closed.getType());
      }
      assertEquals("after", text(healthy.call("echo", 3, Args.string(1, "after")).success()));
    }
    try (ThriftTestClient fresh = ThriftTestClient.connect(gateway.address(), CallerStyle.nonStrict(ThriftTransport.BUFFERED))) {
      assertEquals("fresh", text(fresh.call("echo", 4, Args.string(1, "fresh")).success()));
    }
  }

  @Test
  void aStalledPartialFrameHoldsOnlyItsOwnConnection() throws Exception {
    try (ThriftTestClient stalled = ThriftTestClient.connect(gateway.address(), FRAMED_BINARY);
        ThriftTestClient healthy = ThriftTestClient.connect(gateway.address(), BUFFERED_BINARY)) {
      byte[] message = strictBinary("echo", TMessageType.CALL, 90, Args.string(1, "slow"));
      byte[] whole = frame(message);
      stalled.rawOut().write(Arrays.copyOf(whole, 10));
      stalled.rawOut().flush();
      for (int i = 0; i < 5; i++) assertEquals("meanwhile " + i, text(healthy.call("echo", i, Args.string(1, "meanwhile " + i)).success()));
      assertFalse(stalled.anythingArrivesWithin(100));
    }
  }

  static Stream<Integer> seeds() {
    return Stream.iterate(1, i -> i + 1).limit(40);
  }

  /**
   * Random bytes, some behind a plausible first byte (0x80, 0x82, a small frame length): whatever the
   * listener makes of them, it ends the connection once the caller's stream ends, and serves others.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomBytesEndOnlyTheirOwnConnection(int seed) throws Exception {
    Random random = new Random(seed);
    byte[] bytes = new byte[1 + random.nextInt(200)];
    random.nextBytes(bytes);
    switch (seed % 4) {
      case 0 -> bytes[0] = (byte) 0x80;
      case 1 -> bytes[0] = (byte) 0x82;
      case 2 -> bytes[0] = 0;
      default -> { }
    }
    try (ThriftTestClient healthy = ThriftTestClient.connect(gateway.address(), FRAMED_BINARY);
        Socket raw = new Socket(gateway.address().getAddress(), gateway.address().getPort())) {
      raw.setSoTimeout(5000);
      raw.getOutputStream().write(bytes);
      raw.shutdownOutput();
      assertEquals("during", text(healthy.call("echo", 1, Args.string(1, "during")).success()));
      // Answers, if any, are drained; then the listener closes the connection.
      InputStream in = raw.getInputStream();
      while (in.read() >= 0) {
        // draining
      }
      assertEquals("after", text(healthy.call("echo", 2, Args.string(1, "after")).success()));
    }
  }

  // ---- message bytes written with libthrift's protocols ----

  private static byte[] strictBinary(String name, byte type, int seqid, Args args) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(64);
    write(new TBinaryProtocol(buffer), name, type, seqid, args);
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  private static byte[] compact(String name, byte type, int seqid, Args args) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(64);
    write(new TCompactProtocol(buffer), name, type, seqid, args);
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  private static void write(TProtocol p, String name, byte type, int seqid, Args args) throws TException {
    p.writeMessageBegin(new TMessage(name, type, seqid));
    p.writeStructBegin(new TStruct("args"));
    args.write(p);
    p.writeFieldStop();
    p.writeStructEnd();
    p.writeMessageEnd();
  }

  /** An echo call whose string argument announces 10 bytes and carries 3, with no STOP. */
  private static byte[] truncatedEcho(int seqid) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(64);
    TBinaryProtocol p = new TBinaryProtocol(buffer);
    p.writeMessageBegin(new TMessage("echo", TMessageType.CALL, seqid));
    p.writeStructBegin(new TStruct("args"));
    p.writeFieldBegin(new TField("text", TType.STRING, (short) 1));
    p.writeI32(10);
    byte[] bytes = Arrays.copyOf(buffer.getArray(), buffer.length());
    return concat(bytes, "abc".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] frame(byte[] message) {
    return concat(length(message.length), message);
  }

  private static byte[] length(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
