package dev.polyglot.conformance.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A Thrift client on libthrift's socket, transport and protocol classes, writing the message header
 * and the argument struct by hand and reading replies without a schema. One connection; not
 * thread-safe.
 */
final class ThriftTestClient implements AutoCloseable {
  /** What came back for one call: the result struct, or the TApplicationException. */
  record Reply(Wire.Struct result, TApplicationException failure) {}

  private final TTransport transport;
  private final TProtocol protocol;
  private int nextSeqId = 100;

  ThriftTestClient(int port, ThriftTransport transportKind, ThriftEncoding encoding) throws TException {
    this(transportKind == ThriftTransport.FRAMED ? new TFramedTransport(socket(port), 64 * 1024 * 1024) : socket(port),
        encoding == ThriftEncoding.BINARY ? TBinaryProtocol::new : TCompactProtocol::new);
  }

  private ThriftTestClient(TTransport transport, Function<TTransport, TProtocol> protocol) throws TException {
    this.transport = transport;
    this.protocol = protocol.apply(transport);
    transport.open();
  }

  /** A buffered client writing old-style (non-strict) binary messages: no version word, the name first. */
  static ThriftTestClient nonStrictBinary(int port) throws TException {
    return new ThriftTestClient(socket(port), t -> new TBinaryProtocol(t, false, false));
  }

  private static TSocket socket(int port) throws TException {
    return new TSocket("127.0.0.1", port, 10_000);
  }

  /** Sends a call and reads its reply, checking that the reply names the same method and sequence id. */
  Reply call(String method, Wire.Struct args) throws TException {
    return call(method, method, args);
  }

  /** Sends a call and reads its reply, checking the reply's method name and sequence id. */
  Reply call(String method, String replyName, Wire.Struct args) throws TException {
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
    Wire.Struct result = (Wire.Struct) Wire.read(protocol, TType.STRUCT);
    protocol.readMessageEnd();
    return new Reply(result, null);
  }

  /** The result struct of a call that must not fail with a TApplicationException. */
  Wire.Struct result(String method, Wire.Struct args) throws TException {
    Reply reply = call(method, args);
    if (reply.failure() != null) {
      throw new AssertionError(method + " failed: type " + reply.failure().getType() + ": "
          + reply.failure().getMessage());
    }
    return reply.result();
  }

  /** The TApplicationException a call must fail with. */
  TApplicationException failure(String method, Wire.Struct args) throws TException {
    Reply reply = call(method, args);
    if (reply.failure() == null) {
      throw new AssertionError(method + " was expected to fail but returned " + reply.result());
    }
    return reply.failure();
  }

  /** Sends a oneway call; nothing is read back. */
  void oneway(String method, Wire.Struct args) throws TException {
    send(method, TMessageType.ONEWAY, nextSeqId++, args);
  }

  private void send(String method, byte type, int seqId, Wire.Struct args) throws TException {
    protocol.writeMessageBegin(new TMessage(method, type, seqId));
    args.write(protocol);
    protocol.writeMessageEnd();
    transport.flush();
  }

  @Override
  public void close() {
    transport.close();
  }
}
