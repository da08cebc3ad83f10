package dev.polyglot.adapters.thrift.client;

import dev.polyglot.adapters.thrift.common.MessageWriter;
import dev.polyglot.adapters.thrift.common.StreamTransport;
import dev.polyglot.adapters.thrift.common.ThriftErrorMapping;
import dev.polyglot.adapters.thrift.common.ThriftProtocolKind;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.ThriftTransport;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TTransportException;

/**
 * One connection to a backend, used by one call at a time (the pool hands it out exclusively).
 *
 * <p>Buffers: the request array is only read; the reply's payload and exception bytes are fresh copies
 * owned by the returned reply.
 */
final class BackendConnection {
  /** Largest reply accepted; a larger length prefix or string is a broken or hostile backend. */
  static final long MAX_REPLY_BYTES = 256L << 20;
  private static final int MAX_DEPTH = 64;
  private static final int BUFFER_BYTES = 8 * 1024;

  private final Socket socket;
  private final boolean framed;
  private final DeadlineInputStream deadlineIn;
  private final InputStream in;
  private int seqid;
  private final MessageWriter messages;
  /** Reused for every reply, so that its recording buffer is grown once per connection, not per call. */
  private final StreamTransport replyTransport;
  private ThriftProtocolKind replyKind;
  private TProtocol replyReader;

  BackendConnection(Socket socket, ThriftTransport transport) throws IOException {
    this.socket = socket;
    this.framed = transport == ThriftTransport.FRAMED;
    this.deadlineIn = new DeadlineInputStream(socket);
    // Small buffers: reads and writes of a large message bypass a buffered stream's buffer anyway,
    // and every pooled connection keeps its buffers for its whole life.
    this.in = new BufferedInputStream(deadlineIn, BUFFER_BYTES);
    this.messages = new MessageWriter(new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES));
    this.replyTransport = new StreamTransport(in, null);
  }

  /**
   * Sends the request and reads the reply (none for oneway).
   *
   * @throws ExchangeFailure when the connection must be discarded
   */
  Reply exchange(ThriftProtocolKind kind, ThriftMethodShape shape, byte[] request, Deadline deadline) throws ExchangeFailure {
    int id = ++seqid;
    deadlineIn.begin(deadline);
    try {
      // The arguments, already encoded, go out as they are after the header.
      messages.write(framed, kind, new TMessage(shape.wireName(), shape.oneway() ? TMessageType.ONEWAY : TMessageType.CALL, id), request);
    } catch (IOException | TException e) {
      throw new ExchangeFailure(ExchangeFailure.Kind.BROKEN, true, "write failed: " + e.getMessage(), e);
    }
    if (shape.oneway()) return Reply.ok(kind.format(), ThriftBackendClient.empty());
    try {
      return readReply(kind, shape, id);
    } catch (TException | IOException e) {
      throw classify(e);
    }
  }

  private Reply readReply(ThriftProtocolKind kind, ThriftMethodShape shape, int id) throws TException, IOException {
    StreamTransport t = replyTransport;
    if (framed) {
      byte[] length = in.readNBytes(4);
      if (length.length < 4) throw new TTransportException(TTransportException.END_OF_FILE, "end of stream");
      long n = ((length[0] & 0xffL) << 24) | (length[1] & 0xff) << 16 | (length[2] & 0xff) << 8 | (length[3] & 0xff);
      if (n <= 0 || n > MAX_REPLY_BYTES) throw new MalformedReply("frame length " + n + " (expected: 1-" + MAX_REPLY_BYTES + ")");
      t.beginMessage(n);
    } else {
      t.beginMessage(MAX_REPLY_BYTES);
    }
    if (replyKind != kind) {
      replyKind = kind;
      replyReader = kind.newProtocol(t);
    }
    TProtocol p = replyReader;
    TMessage header = p.readMessageBegin();
    if (header.seqid != id) throw new MalformedReply("sequence id " + header.seqid + " (expected: " + id + ")");
    if (header.type == TMessageType.EXCEPTION) {
      TApplicationException x = TApplicationException.readFrom(p);
      p.readMessageEnd();
      String message = x.getMessage() == null || x.getMessage().isEmpty() ? "TApplicationException type " + x.getType() : x.getMessage();
      return Reply.error(ThriftErrorMapping.statusCode(x.getType()), message);
    }
    if (header.type != TMessageType.REPLY) throw new MalformedReply("message type " + header.type + " (expected: REPLY or EXCEPTION)");
    t.startRecording();
    boolean success = false;
    int exception = -1;
    int exceptionStart = 0;
    int exceptionEnd = 0;
    p.readStructBegin();
    while (true) {
      TField f = p.readFieldBegin();
      if (f.type == TType.STOP) break;
      int valueStart = t.recordedLength();
      TProtocolUtil.skip(p, f.type, MAX_DEPTH);
      p.readFieldEnd();
      if (f.id == 0) {
        success = true;
      } else if (f.type == TType.STRUCT && exception < 0) {
        int index = shape.exceptionIndex(f.id);
        if (index >= 0) {
          exception = index;
          exceptionStart = valueStart;
          exceptionEnd = t.recordedLength();
        }
      }
    }
    p.readStructEnd();
    p.readMessageEnd();
    byte[] result = t.stopRecording();
    if (framed && t.consumed() != t.limit()) throw new MalformedReply((t.limit() - t.consumed()) + " bytes after the result in its frame");
    if (exception >= 0 && !success) {
      String type = shape.exceptionTypes()[exception];
      byte[] payload = Arrays.copyOfRange(result, exceptionStart, exceptionEnd);
      String message = messageOf(kind, payload, shape.messageFieldIds()[exception]);
      if (message == null) message = type.substring(type.lastIndexOf('.') + 1);
      return Reply.error(Status.of(shape.exceptionCodes()[exception], message, new Status.Detail(type, kind.format(), payload)));
    }
    if (success || shape.isVoid()) return Reply.ok(kind.format(), result);
    return Reply.error(StatusCode.INTERNAL, "backend returned no result for " + shape.wireName());
  }

  /** The string field {@code id} of an exception struct, or null when unset (or {@code id} is -1). */
  private static String messageOf(ThriftProtocolKind kind, byte[] exception, short id) throws TException {
    if (id < 0) return null;
    TProtocol p = kind.newProtocol(new StreamTransport(new ByteArrayInputStream(exception), null));
    p.readStructBegin();
    while (true) {
      TField f = p.readFieldBegin();
      if (f.type == TType.STOP) return null;
      if (f.id == id && f.type == TType.STRING) return p.readString();
      TProtocolUtil.skip(p, f.type, MAX_DEPTH);
      p.readFieldEnd();
    }
  }

  private ExchangeFailure classify(Exception e) {
    boolean beforeReply = deadlineIn.bytesRead() == 0;
    if (e instanceof MalformedReply m) return new ExchangeFailure(ExchangeFailure.Kind.MALFORMED, false, m.getMessage(), e);
    if (e instanceof SocketTimeoutException || e instanceof TTransportException te && te.getType() == TTransportException.TIMED_OUT) {
      return new ExchangeFailure(ExchangeFailure.Kind.TIMEOUT, beforeReply, "timed out", e);
    }
    if (e instanceof IOException || e instanceof TTransportException te2 && te2.getType() != TTransportException.MESSAGE_SIZE_LIMIT) {
      return new ExchangeFailure(ExchangeFailure.Kind.BROKEN, beforeReply, String.valueOf(e.getMessage()), e);
    }
    return new ExchangeFailure(ExchangeFailure.Kind.MALFORMED, false, String.valueOf(e.getMessage()), e);
  }

  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Discarding a connection: nothing left to do.
    }
  }

  /** A reply that breaks the Thrift rules; the connection cannot be trusted afterwards. */
  private static final class MalformedReply extends TException {
    private static final long serialVersionUID = 1L;

    MalformedReply(String message) {
      super(message);
    }
  }

  /**
   * Bounds every socket read by the call's deadline (a socket timeout alone would restart with every
   * byte a slow backend trickles), and counts the bytes read since {@link #begin}.
   */
  private static final class DeadlineInputStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private Deadline deadline = Deadline.NONE;
    private long bytesRead;

    DeadlineInputStream(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
    }

    void begin(Deadline d) {
      this.deadline = d;
      this.bytesRead = 0;
    }

    long bytesRead() {
      return bytesRead;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (deadline.isNone()) {
        socket.setSoTimeout(0);
      } else {
        long nanos = deadline.remainingNanos();
        if (nanos <= 0) throw new SocketTimeoutException("deadline exceeded");
        // Rounded up, so that a read never times out before the deadline has passed.
        long millis = (nanos + 999_999) / 1_000_000;
        socket.setSoTimeout((int) Math.min(millis, Integer.MAX_VALUE));
      }
      int n = in.read(b, off, len);
      if (n > 0) bytesRead += n;
      return n;
    }
  }
}
