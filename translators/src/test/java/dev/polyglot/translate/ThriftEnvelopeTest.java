package dev.polyglot.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.thrift.ThriftEnvelope;
import dev.polyglot.translate.thrift.ThriftReader;
import dev.polyglot.translate.thrift.ThriftWriter;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Message envelopes around struct bodies, strict and non-strict binary and compact, against libthrift. */
class ThriftEnvelopeTest {

  private static byte[] libthriftMessage(String protocol, TMessage header, StructPlan plan, Tree.Struct body) throws Exception {
    TMemoryBuffer buf = new TMemoryBuffer(64);
    TProtocol p =
        switch (protocol) {
          case "compact" -> new TCompactProtocol(buf);
          case "binary-strict" -> new TBinaryProtocol(buf, false, true);
          default -> new TBinaryProtocol(buf, false, false);
        };
    p.writeMessageBegin(header);
    p.getTransport().flush();
    byte[] bodyBytes = protocol.equals("compact") ? ThriftReference.compact(plan, body) : ThriftReference.binary(plan, body);
    buf.write(bodyBytes);
    p.writeMessageEnd();
    return Arrays.copyOf(buf.getArray(), buf.length());
  }

  @ParameterizedTest(name = "a {0} message from libthrift yields its header and then its body")
  @CsvSource({"binary-strict", "binary-old", "compact"})
  void envelopeAndBodyReadBack(String protocol) throws Exception {
    StructPlan dims = Zoo.thrift("Dims");
    Tree.Struct body = ZooValues.dims(4.5);
    byte[] message = libthriftMessage(protocol, new TMessage("getItem", TMessageType.CALL, 42), dims, body);
    ThriftEnvelope env = ThriftEnvelope.read(message, 0, message.length, protocol.equals("compact"));
    assertEquals("getItem", env.name());
    assertEquals(TMessageType.CALL, env.type());
    assertEquals(42, env.seqid());
    ThriftReader r = protocol.equals("compact") ? ThriftReader.compact(Limits.DEFAULT) : ThriftReader.binary(Limits.DEFAULT);
    Tree.Builder out = new Tree.Builder();
    int used = r.read(message, env.headerLength(), message.length - env.headerLength(), dims, out);
    assertEquals(message.length, env.headerLength() + used);
    assertEquals(body, out.result());
  }

  @ParameterizedTest(name = "the {0} writer frames a reply exactly as libthrift does")
  @CsvSource({"binary-strict", "compact"})
  void writerFramesMessagesAsLibthrift(String protocol) throws Exception {
    StructPlan dims = Zoo.thrift("Dims");
    Tree.Struct body = ZooValues.dims(-1.0);
    TMessage header = new TMessage("getItem", TMessageType.REPLY, 7);
    ThriftWriter w = protocol.equals("compact") ? ThriftWriter.compact() : ThriftWriter.binary();
    w.reset(dims);
    w.beginMessage(header);
    Tree.emit(body, w, true);
    w.endMessage();
    assertArrayEquals(libthriftMessage(protocol, header, dims, body), w.toByteArray());
  }

  @ParameterizedTest(name = "a {0} header declaring {1} is rejected with: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "binary|80010001 7fffffff 41|input ends early (expected: a Thrift message header)",
        "binary|80010001 00000007 6765|input ends early (expected: a Thrift message header)",
        "binary|00000010 6765|input ends early (expected: a Thrift message header)",
        "binary|80020001 00000001 41 00000001|malformed Thrift message header (expected: a binary message header)",
        "compact|82 21 07 ff ff ff ff 07|input ends early (expected: a Thrift message header)",
        "compact|99 21|malformed Thrift message header (expected: a compact message header)"
      })
  void malformedHeadersAreRejected(String protocol, String hex, String message) {
    byte[] in = HexFormat.of().parseHex(hex.replace(" ", ""));
    TranscodeException e = assertThrows(TranscodeException.class, () -> ThriftEnvelope.read(in, 0, in.length, protocol.equals("compact")));
    assertEquals(message, e.getMessage());
  }
}
