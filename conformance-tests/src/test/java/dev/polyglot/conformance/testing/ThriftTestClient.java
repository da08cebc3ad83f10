package dev.polyglot.conformance.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import java.util.function.Function;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * A Thrift client on libthrift's socket, transport and protocol classes alone: it writes the message
 * header and the argument struct by hand and reads replies as {@link ThriftValue}s, without a schema,
 * so that it is an independent peer of whatever it calls (the gateway or a reference backend).
 *
 * <p>Every reply is checked against its call: its sequence id, its method name and its message
 * type, with a failed JUnit assertion when they do not match. One connection to {@code 127.0.0.1};
 * not thread-safe.
 */
public final class ThriftTestClient implements AutoCloseable {
  /** What came back for one call: the result struct, or the TApplicationException; never both. */
  public record Reply(ThriftValue.Struct result, TApplicationException failure) {}

  private static final int MAX_FRAME_BYTES = 64 << 20;

  private final TTransport transport;
  private final TProtocol protocol;
  // Not 0 or 1, so that a peer that answers with a fixed sequence id is caught on the first call.
  private int nextSeqId = 1000;

  /** Connects to {@code port} on 127.0.0.1 with the given transport and encoding. */
  public ThriftTestClient(int port, ThriftTransport transportKind, ThriftEncoding encoding) throws TException {
    this(transportKind == ThriftTransport.FRAMED ? new TFramedTransport(socket(port), MAX_FRAME_BYTES) : socket(port),
        encoding == ThriftEncoding.BINARY ? TBinaryProtocol::new : TCompactProtocol::new);
  }

  private ThriftTestClient(TTransport transport, Function<TTransport, TProtocol> protocol) throws TException {
    this.transport = transport;
    this.protocol = protocol.apply(transport);
    transport.open();
  }

  /** A buffered client writing old-style (non-strict) binary messages: no version word, the name first. */
  public static ThriftTestClient nonStrictBinary(int port) throws TException {
    return new ThriftTestClient(socket(port), t -> new TBinaryProtocol(t, false, false));
  }

  private static TSocket socket(int port) throws TException {
    return new TSocket("127.0.0.1", port, 10_000);
  }

  /** Sends a call and reads its reply, checking that the reply names {@code method} exactly. */
  public Reply call(String method, ThriftValue.Struct args) throws TException {
    return call(method, method, args);
  }

  /**
   * Sends a call and reads its reply, checking that the reply names {@code replyName} (a multiplexed
   * {@code Service:method} call may be answered under the bare method name) and echoes the sequence id.
   */
  public Reply call(String method, String replyName, ThriftValue.Struct args) throws TException {
    int seqId = nextSeqId++;
    send(method, TMessageType.CALL, seqId, args);
    TMessage reply = protocol.readMessageBegin();
    assertEquals(replyName, reply.name, "reply's method name");
    assertEquals(seqId, reply.seqid, "reply's sequence id");
    if (reply.type == TMessageType.EXCEPTION) {
      TApplicationException e = TApplicationException.readFrom(protocol);
      protocol.readMessageEnd();
      return new Reply(null, e);
    }
    assertEquals(TMessageType.REPLY, reply.type, "reply's message type");
    ThriftValue.Struct result = (ThriftValue.Struct) ThriftValue.read(protocol, TType.STRUCT);
    protocol.readMessageEnd();
    return new Reply(result, null);
  }

  /** The result struct of a call that must not fail with a TApplicationException; the reply names {@code method}. */
  public ThriftValue.Struct result(String method, ThriftValue.Struct args) throws TException {
    return result(method, method, args);
  }

  /** The result struct of a call that must not fail with a TApplicationException, answered as {@code replyName}. */
  public ThriftValue.Struct result(String method, String replyName, ThriftValue.Struct args) throws TException {
    Reply reply = call(method, replyName, args);
    if (reply.failure() != null) {
      throw new AssertionError(method + " failed: TApplicationException type " + reply.failure().getType() + ": "
          + reply.failure().getMessage());
    }
    return reply.result();
  }

  /** The TApplicationException a call must fail with; the reply names {@code method}. */
  public TApplicationException failure(String method, ThriftValue.Struct args) throws TException {
    return failure(method, method, args);
  }

  /** The TApplicationException a call must fail with, answered as {@code replyName}. */
  public TApplicationException failure(String method, String replyName, ThriftValue.Struct args) throws TException {
    Reply reply = call(method, replyName, args);
    if (reply.failure() == null) {
      throw new AssertionError(method + " was expected to fail but returned " + reply.result());
    }
    return reply.failure();
  }

  /** Sends a oneway call; nothing is read back. */
  public void oneway(String method, ThriftValue.Struct args) throws TException {
    send(method, TMessageType.ONEWAY, nextSeqId++, args);
  }

  private void send(String method, byte type, int seqId, ThriftValue.Struct args) throws TException {
    protocol.writeMessageBegin(new TMessage(method, type, seqId));
    args.write(protocol);
    protocol.writeMessageEnd();
    transport.flush();
  }

  /** Closes the connection. */
  @Override
  public void close() {
    transport.close();
  }
}
