package dev.polyglot.conformance.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
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
 * A Thrift caller on libthrift's socket, transport and protocol classes: argument structs written by
 * hand, replies read without a schema. One connection; not thread-safe.
 */
final class ThriftCaller implements AutoCloseable {
  /** One reply: the result struct ({@code 0} success, other ids declared exceptions) or a TApplicationException. */
  record Reply(TValue.Struct result, TApplicationException failure) {}

  private final TTransport transport;
  private final TProtocol protocol;
  private int nextSeqId = 1000;

  ThriftCaller(int port, ThriftTransport transportKind, ThriftEncoding encoding) throws TException {
    TSocket socket = new TSocket("127.0.0.1", port, 10_000);
    this.transport = transportKind == ThriftTransport.FRAMED ? new TFramedTransport(socket, 64 << 20) : socket;
    this.protocol = encoding == ThriftEncoding.BINARY ? new TBinaryProtocol(transport) : new TCompactProtocol(transport);
    transport.open();
  }

  private ThriftCaller(TTransport transport, TProtocol protocol) throws TException {
    this.transport = transport;
    this.protocol = protocol;
    transport.open();
  }

  /** A buffered caller writing old-style (non-strict) binary: no version word, the method name first. */
  static ThriftCaller nonStrictBinary(int port) throws TException {
    TSocket socket = new TSocket("127.0.0.1", port, 10_000);
    return new ThriftCaller(socket, new TBinaryProtocol(socket, false, false));
  }

  /** Sends a call and reads its reply, checking that it names the method and echoes the sequence id. */
  Reply call(String method, TValue.Struct args) throws TException {
    int seqId = nextSeqId++;
    send(method, TMessageType.CALL, seqId, args);
    TMessage reply = protocol.readMessageBegin();
    assertEquals(method.substring(method.indexOf(':') + 1), reply.name, "reply's method name");
    assertEquals(seqId, reply.seqid, "reply's sequence id");
    if (reply.type == TMessageType.EXCEPTION) {
      TApplicationException e = TApplicationException.readFrom(protocol);
      protocol.readMessageEnd();
      return new Reply(null, e);
    }
    assertEquals(TMessageType.REPLY, reply.type, "reply's message type");
    TValue.Struct result = (TValue.Struct) TValue.read(protocol, TType.STRUCT);
    protocol.readMessageEnd();
    return new Reply(result, null);
  }

  /** The result struct of a call that must not fail with a TApplicationException. */
  TValue.Struct result(String method, TValue.Struct args) throws TException {
    Reply r = call(method, args);
    if (r.failure() != null) {
      throw new AssertionError(method + " failed: TApplicationException type " + r.failure().getType() + ": "
          + r.failure().getMessage());
    }
    return r.result();
  }

  /** The TApplicationException a call must fail with. */
  TApplicationException failure(String method, TValue.Struct args) throws TException {
    Reply r = call(method, args);
    if (r.failure() == null) throw new AssertionError(method + " was expected to fail but returned " + r.result());
    return r.failure();
  }

  void oneway(String method, TValue.Struct args) throws TException {
    send(method, TMessageType.ONEWAY, nextSeqId++, args);
  }

  private void send(String method, byte type, int seqId, TValue.Struct args) throws TException {
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
