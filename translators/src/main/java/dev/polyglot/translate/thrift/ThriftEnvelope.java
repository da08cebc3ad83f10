package dev.polyglot.translate.thrift;

import dev.polyglot.translate.event.TranscodeException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A Thrift message header (method name, message type, sequence id) and where the struct body after
 * it starts. Binary headers are accepted in strict (versioned) and non-strict (old) form; compact
 * headers carry their own version. The body is read with {@link ThriftReader} from
 * {@code offset + headerLength}.
 */
public record ThriftEnvelope(String name, byte type, int seqid, int headerLength) {

  /**
   * Reads the header at {@code in[offset, offset + length)}.
   *
   * @throws TranscodeException if it is truncated or malformed; a declared name longer than the
   *     input is rejected before anything is allocated for it
   */
  public static ThriftEnvelope read(byte[] in, int offset, int length, boolean compact) {
    try {
      TMemoryInputTransport t = new TMemoryInputTransport(in, offset, length);
      // The name can be no longer than the input: a larger declared length fails before allocation.
      TProtocol p = compact ? new TCompactProtocol(t, length, length) : new TBinaryProtocol(t, length, length, false, true);
      TMessage m = p.readMessageBegin();
      return new ThriftEnvelope(m.name, m.type, m.seqid, t.getBufferPosition() - offset);
    } catch (TTransportException e) {
      throw TranscodeException.of("input ends early (expected: a Thrift message header)");
    } catch (TException e) {
      throw TranscodeException.of("malformed Thrift message header (expected: " + (compact ? "a compact" : "a binary") + " message header)");
    }
  }

  public TMessage toMessage() {
    return new TMessage(name, type, seqid);
  }
}
