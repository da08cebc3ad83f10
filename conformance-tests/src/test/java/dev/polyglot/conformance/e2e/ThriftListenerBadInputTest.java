package dev.polyglot.conformance.e2e;

import static dev.polyglot.conformance.testing.ThriftValue.i32;
import static dev.polyglot.conformance.testing.ThriftValue.str;
import static dev.polyglot.conformance.testing.ThriftValue.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.testing.ThriftTestClient;
import dev.polyglot.conformance.testing.ThriftValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TIOStreamTransport;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on the Thrift listener of a gateway that translates Thrift callers to a gRPC backend:
 * each case gets its exact TApplicationException (or, where nothing can be answered, a closed
 * connection), while a healthy caller on another connection is answered during and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThriftListenerBadInputTest {
  BadInputFixture fixture;

  @BeforeAll
  void start() throws Exception {
    fixture = BadInputFixture.start();
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  /** What a bad connection gets back. */
  record Answer(int seqId, int type, String message, boolean closedAfter) {}

  static byte[] message(String method, int seqId, ThriftValue.Struct args) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(256);
    TProtocol p = new TBinaryProtocol(buffer);
    p.writeMessageBegin(new TMessage(method, TMessageType.CALL, seqId));
    args.write(p);
    p.writeMessageEnd();
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  static byte[] framed(byte[] payload) throws IOException {
    return framed(payload.length, payload);
  }

  static byte[] framed(int declaredLength, byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(declaredLength);
    d.write(payload);
    return out.toByteArray();
  }

  static Stream<Arguments> badInputs() throws Exception {
    byte[] echo = message("echoI32", 41, struct(1, i32(5)));
    byte[] invalidUtf8 =
        message("echoString", 43, struct(1, new ThriftValue.Bin(new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28})));
    return Stream.of(
        Arguments.of("garbage in a frame", framed(new byte[] {(byte) 0x80, 1, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0}),
            new Answer(0, TApplicationException.PROTOCOL_ERROR, "undecodable message header: invalid length or value", false)),
        Arguments.of("a frame over max_frame_size", framed(BadInputFixture.LIMIT + 1, echo),
            new Answer(41, TApplicationException.PROTOCOL_ERROR,
                "frame of 65537 bytes exceeds max_frame_size of 65536 bytes", true)),
        Arguments.of("a message truncated inside its arguments", framed(Arrays.copyOf(echo, echo.length - 3)),
            new Answer(41, TApplicationException.PROTOCOL_ERROR, "undecodable arguments of echoI32: message truncated", false)),
        Arguments.of("an unknown method", framed(message("noSuchMethod", 42, struct())),
            new Answer(42, TApplicationException.UNKNOWN_METHOD, "unknown method noSuchMethod of service interop.Interop", false)),
        Arguments.of("a string that is not UTF-8, refused by the translation", framed(invalidUtf8),
            new Answer(43, TApplicationException.PROTOCOL_ERROR,
                "value: invalid UTF-8 at byte 2 of a 4-byte string (expected: valid UTF-8 text)", false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsAnsweredExactlyAndAHealthyConnectionKeepsBeingServed(String name, byte[] bytes, Answer expected)
      throws Exception {
    try (ThriftTestClient healthy =
            new ThriftTestClient(fixture.gateway.thriftPort(), ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
        Socket bad = new Socket("127.0.0.1", fixture.gateway.thriftPort())) {
      assertEquals(struct(0, str("before")), healthy.result("echoString", struct(1, str("before"))));
      bad.setSoTimeout(10_000);
      bad.getOutputStream().write(bytes);
      bad.getOutputStream().flush();
      TFramedTransport in = new TFramedTransport(new TIOStreamTransport(bad.getInputStream()));
      TBinaryProtocol p = new TBinaryProtocol(in);
      TMessage header = p.readMessageBegin();
      assertEquals(TMessageType.EXCEPTION, header.type);
      TApplicationException x = TApplicationException.readFrom(p);
      p.readMessageEnd();
      assertEquals(struct(0, str("during")), healthy.result("echoString", struct(1, str("during"))));
      boolean closed;
      if (expected.closedAfter()) {
        closed = bad.getInputStream().read() == -1;
      } else {
        // The connection still serves: a good call on it is answered.
        bad.getOutputStream().write(framed(message("echoI32", 44, struct(1, i32(7)))));
        bad.getOutputStream().flush();
        TMessage again = p.readMessageBegin();
        assertEquals(44, again.seqid);
        assertEquals(TMessageType.REPLY, again.type);
        assertEquals(struct(0, i32(7)), ThriftValue.read(p, org.apache.thrift.protocol.TType.STRUCT));
        p.readMessageEnd();
        closed = false;
      }
      assertEquals(expected, new Answer(header.seqid, x.getType(), x.getMessage(), closed));
      assertEquals(struct(0, str("after")), healthy.result("echoString", struct(1, str("after"))));
    }
    try (ThriftTestClient fresh =
        new ThriftTestClient(fixture.gateway.thriftPort(), ThriftTransport.FRAMED, ThriftEncoding.BINARY)) {
      assertEquals(struct(0, str("fresh")), fresh.result("echoString", struct(1, str("fresh"))));
    }
  }

}
