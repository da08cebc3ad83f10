package dev.polyglot.conformance.runner;

import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.ApplicationError;
import dev.polyglot.translate.status.DeclaredExceptions;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * A Thrift client over libthrift's {@link TSocket}, framed or buffered, binary or compact. Requests
 * are the arguments struct, written after the message header as is; a reply's result struct is read
 * back as bytes (a recording transport sits under the protocol), so that its success value or
 * declared exception reaches the caller's view untouched.
 *
 * <p>One connection, opened on first use and reopened after a transport failure.
 */
final class ThriftTargetClient implements TargetClient {
  private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
  private final String host;
  private final int port;
  private final ThriftTransport transport;
  private final ThriftEncoding encoding;
  private TSocket socket;
  private Recording recording;
  private TProtocol protocol;
  private int seqid;

  ThriftTargetClient(String host, int port, ThriftTransport transport, ThriftEncoding encoding) {
    this.host = host;
    this.port = port;
    this.transport = transport;
    this.encoding = encoding;
  }

  @Override
  public WireFormat format() {
    return encoding == ThriftEncoding.BINARY ? WireFormat.THRIFT_BINARY : WireFormat.THRIFT_COMPACT;
  }

  @Override
  public Reply call(Schema schema, ServiceDef service, MethodDef method, byte[] request, Duration timeout) {
    try {
      connect(timeout);
      int id = ++seqid;
      protocol.writeMessageBegin(new TMessage(method.name(), method.oneway() ? TMessageType.ONEWAY : TMessageType.CALL, id));
      protocol.getTransport().write(request);
      protocol.writeMessageEnd();
      protocol.getTransport().flush();
      if (method.oneway()) return Reply.ok(format(), new byte[] {TType.STOP});
      return read(schema, method, id);
    } catch (TTransportException e) {
      disconnect();
      boolean timedOut = e.getCause() instanceof java.net.SocketTimeoutException;
      return Reply.error(timedOut ? StatusCode.DEADLINE_EXCEEDED : StatusCode.UNAVAILABLE,
          "thrift://" + host + ":" + port + ": " + (timedOut ? "no reply within " + timeout.toMillis() + " ms" : String.valueOf(e.getMessage())));
    } catch (TException e) {
      disconnect();
      return Reply.error(StatusCode.INTERNAL, "thrift://" + host + ":" + port + ": malformed reply: " + e.getMessage());
    }
  }

  private Reply read(Schema schema, MethodDef method, int id) throws TException {
    recording.stop();
    TMessage header = protocol.readMessageBegin();
    if (header.type == TMessageType.EXCEPTION) {
      TApplicationException e = new TApplicationException();
      e.read(protocol);
      protocol.readMessageEnd();
      return Reply.error(ApplicationError.of(ApplicationError.Type.forNumber(e.getType()), String.valueOf(e.getMessage())).toStatus());
    }
    if (header.type != TMessageType.REPLY || header.seqid != id || !header.name.equals(method.name())) {
      throw new TException("expected a REPLY to " + method.name() + " #" + id + ", got type " + header.type + " " + header.name + " #" + header.seqid);
    }
    recording.start();
    protocol.readStructBegin();
    int exceptionId = -1;
    int exceptionStart = 0;
    int exceptionEnd = 0;
    while (true) {
      TField f = protocol.readFieldBegin();
      if (f.type == TType.STOP) break;
      if (f.id != 0 && f.type == TType.STRUCT && exceptionId < 0) {
        exceptionId = f.id;
        exceptionStart = recording.size();
        TProtocolUtil.skip(protocol, f.type);
        exceptionEnd = recording.size();
      } else {
        TProtocolUtil.skip(protocol, f.type);
      }
      protocol.readFieldEnd();
    }
    protocol.readStructEnd();
    byte[] result = recording.stop();
    protocol.readMessageEnd();
    if (exceptionId < 0) return Reply.ok(format(), result);
    DeclaredExceptions declared = DeclaredExceptions.of(schema, method);
    int index = declared.indexOfFieldId(exceptionId);
    if (index < 0) throw new TException("the result struct of " + method.name() + " holds field " + exceptionId + ", which is no declared exception");
    byte[] value = Arrays.copyOfRange(result, exceptionStart, exceptionEnd);
    return Reply.error(declared.toStatus(index, Status.Detail.of(declared.get(index).typeName(), format(), value)));
  }

  private void connect(Duration timeout) throws TTransportException {
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    if (socket != null) {
      socket.setTimeout(millis);
      return;
    }
    TConfiguration config = TConfiguration.custom().setMaxMessageSize(MAX_MESSAGE_BYTES).setMaxFrameSize(MAX_MESSAGE_BYTES).build();
    TSocket s = new TSocket(config, host, port, millis);
    s.open();
    TTransport framing = transport == ThriftTransport.FRAMED ? new TFramedTransport(s, MAX_MESSAGE_BYTES) : s;
    recording = new Recording(framing);
    protocol = encoding == ThriftEncoding.BINARY ? new TBinaryProtocol(recording) : new TCompactProtocol(recording);
    socket = s;
  }

  private void disconnect() {
    if (socket != null) socket.close();
    socket = null;
    protocol = null;
    recording = null;
  }

  @Override
  public void close() {
    disconnect();
  }

  /**
   * Passes reads and writes through and, while started, keeps a copy of every byte read. It offers
   * no direct buffer access, so the protocol reads through {@link #read} and nothing escapes the copy.
   */
  private static final class Recording extends TTransport {
    private final TTransport inner;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private boolean on;

    Recording(TTransport inner) {
      this.inner = inner;
    }

    void start() {
      copy.reset();
      on = true;
    }

    byte[] stop() {
      on = false;
      return copy.toByteArray();
    }

    int size() {
      return copy.size();
    }

    @Override
    public boolean isOpen() {
      return inner.isOpen();
    }

    @Override
    public void open() throws TTransportException {
      inner.open();
    }

    @Override
    public void close() {
      inner.close();
    }

    @Override
    public int read(byte[] buf, int off, int len) throws TTransportException {
      int n = inner.read(buf, off, len);
      if (on && n > 0) copy.write(buf, off, n);
      return n;
    }

    @Override
    public void write(byte[] buf, int off, int len) throws TTransportException {
      inner.write(buf, off, len);
    }

    @Override
    public void flush() throws TTransportException {
      inner.flush();
    }

    @Override
    public TConfiguration getConfiguration() {
      return inner.getConfiguration();
    }

    @Override
    public void updateKnownMessageSize(long size) throws TTransportException {
      inner.updateKnownMessageSize(size);
    }

    @Override
    public void checkReadBytesAvailable(long numBytes) throws TTransportException {
      inner.checkReadBytesAvailable(numBytes);
    }
  }
}
