package dev.polyglot.adapters.thrift.server;

import dev.polyglot.adapters.thrift.common.MessageWriter;
import dev.polyglot.adapters.thrift.common.StreamTransport;
import dev.polyglot.adapters.thrift.common.ThriftProtocolKind;
import dev.polyglot.adapters.thrift.server.ThriftListener.ConnectionSettings;
import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.CallerThread;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.Durations;
import dev.polyglot.gateway.route.CompiledRoute;
import dev.polyglot.gateway.route.RouteMethod;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one caller connection on its own thread until the caller closes it, the listener closes, or
 * the stream cannot be resynchronised.
 *
 * <p>Design note, transport detection: a connection's first byte 0x80 (strict binary) or 0x82
 * (compact) starts an unframed message. Anything else is either a frame length or the 4-byte name
 * length of a non-strict binary message; byte 4 tells them apart: in a frame it starts a message
 * (0x80, 0x82, or 0x00, the high byte of a non-strict name length), in a non-strict message it is the
 * first character of the method name, never one of those.
 *
 * <p>Idleness: while the connection waits for a message (from before its first byte until its last
 * byte is read) {@link #waitingSince} holds when the wait began; the listener's watchdog closes a
 * connection whose wait exceeds {@code idle_timeout}, which ends the blocked read. Nothing is
 * answered: the caller stopped talking, and an unframed stream could not be resynchronised anyway.
 * Not {@code SO_TIMEOUT}: on JDK 17 a socket with a timeout is read in non-blocking mode, so every
 * read that has to wait (the usual wait for a caller's next message) costs a failed {@code read} and
 * a {@code poll} more; the watchdog costs two volatile writes and a clock read per message.
 *
 * <p>Buffers: a frame's bytes belong to this connection until the arguments are copied out of it; the
 * arguments array handed to the core is never touched again here.
 */
final class ThriftConnection implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ThriftConnection.class);
  /** Nesting accepted in a request; deeper is an attack or garbage, and would exhaust the stack. */
  static final int MAX_DEPTH = 64;
  /** What a message header may take when read ahead of an oversized frame. */
  private static final long HEADER_LIMIT = 64 * 1024;
  /** The largest frame read into the connection's reused buffer. */
  private static final int REUSED_FRAME_BYTES = 64 * 1024;

  private final Socket socket;
  private final ConnectionSettings settings;
  private final Consumer<ThriftConnection> onClose;
  private final InputStream in;
  private volatile boolean reading = true;
  /** See the class note on idleness; 0 while the connection is not waiting for a message. */
  private volatile long waitingSince;
  private volatile boolean idleClosed;
  /** This connection's frame buffer (frames are served one at a time); grows up to {@link #REUSED_FRAME_BYTES}. */
  private byte[] frameBuffer = new byte[4096];
  /** The length of the frame being read. */
  private final byte[] lengthBytes = new byte[4];
  private final MessageWriter messages;

  ThriftConnection(Socket socket, ConnectionSettings settings, Consumer<ThriftConnection> onClose) throws IOException {
    this.socket = socket;
    this.settings = settings;
    this.onClose = onClose;
    // Small buffers (up to max_connections of them are open): a frame or reply larger than a buffer
    // is read or written past it in one go anyway.
    this.in = new BufferedInputStream(socket.getInputStream(), 8 * 1024);
    this.messages = new MessageWriter(new BufferedOutputStream(socket.getOutputStream(), 8 * 1024));
  }

  @Override
  public void run() {
    try {
      waitingSince = System.nanoTime();
      byte[] head = peek(5);
      if (head.length == 0) return;
      int first = head[0] & 0xff;
      if (first == ThriftProtocolKind.STRICT_BINARY_FIRST_BYTE || first == ThriftProtocolKind.COMPACT_PROTOCOL_ID) {
        serveUnframed(ThriftProtocolKind.ofFirstByte(first));
      } else if (head.length < 5) {
        // Fewer than five bytes and then the end: no message can be that short.
        return;
      } else {
        int b4 = head[4] & 0xff;
        if (b4 == ThriftProtocolKind.STRICT_BINARY_FIRST_BYTE || b4 == ThriftProtocolKind.COMPACT_PROTOCOL_ID || b4 == 0) {
          serveFramed();
        } else {
          serveUnframed(ThriftProtocolKind.BINARY);
        }
      }
    } catch (IOException | TException e) {
      if (idleClosed) {
        log.debug("thrift connection from {} closed: no whole message within {} (idle_timeout)", socket.getRemoteSocketAddress(),
            Durations.format(Duration.ofNanos(settings.idleTimeoutNanos())));
        return;
      }
      // The caller went away or the stream broke: only this connection ends.
      log.debug("thrift connection from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
    } catch (RuntimeException e) {
      log.warn("thrift connection from {} failed", socket.getRemoteSocketAddress(), e);
    } finally {
      close();
    }
  }

  private byte[] peek(int n) throws IOException {
    in.mark(n);
    byte[] head = in.readNBytes(n);
    in.reset();
    return head;
  }

  // ---- framed ----

  private void serveFramed() throws IOException, TException {
    long maxFrame = settings.maxFrameBytes();
    int limit = (int) Math.min(maxFrame, Integer.MAX_VALUE - 8);
    TConfiguration frameConfig = new TConfiguration(limit, limit, MAX_DEPTH);
    while (reading) {
      waitingSince = System.nanoTime();
      int n = in.readNBytes(lengthBytes, 0, 4);
      if (n < 4) return;
      int length = (lengthBytes[0] & 0xff) << 24 | (lengthBytes[1] & 0xff) << 16 | (lengthBytes[2] & 0xff) << 8 | (lengthBytes[3] & 0xff);
      if (length <= 0) return; // no Thrift message is empty: garbage, and nothing to answer
      if (length > maxFrame) {
        answerOversizedFrame(length, maxFrame);
        return;
      }
      // Frames up to REUSED_FRAME_BYTES are read into this connection's buffer (the arguments are
      // copied out of it); a larger one gets an array of its own, so no connection keeps a big buffer.
      byte[] frame = length <= REUSED_FRAME_BYTES ? frameBuffer(length) : new byte[length];
      if (in.readNBytes(frame, 0, length) < length) return;
      waitingSince = 0;
      serveFrame(frame, length, frameConfig);
    }
  }

  private byte[] frameBuffer(int length) {
    if (frameBuffer.length < length) frameBuffer = new byte[Math.max(length, Math.min(REUSED_FRAME_BYTES, 2 * frameBuffer.length))];
    return frameBuffer;
  }

  private void serveFrame(byte[] frame, int length, TConfiguration frameConfig) throws IOException, TException {
    ThriftProtocolKind kind = ThriftProtocolKind.ofFirstByte(frame[0]);
    TMemoryInputTransport t = new TMemoryInputTransport(frameConfig, frame, 0, length);
    TProtocol p = kind.newProtocol(t);
    TMessage header;
    try {
      header = p.readMessageBegin();
    } catch (TException | RuntimeException e) {
      // Without a readable header there is no sequence id to echo: answer with 0, which a libthrift
      // client reports as a failed call rather than waiting forever.
      answerError(kind, true, "", 0, TApplicationException.PROTOCOL_ERROR, "undecodable message header: " + describe(e));
      return;
    }
    int start = t.getBufferPosition();
    try {
      TProtocolUtil.skip(p, TType.STRUCT, MAX_DEPTH);
      p.readMessageEnd();
    } catch (TException | RuntimeException e) {
      answerError(kind, true, header, TApplicationException.PROTOCOL_ERROR, "undecodable arguments of " + header.name + ": " + describe(e));
      return;
    }
    byte[] args = Arrays.copyOfRange(frame, start, t.getBufferPosition());
    serveCall(kind, true, header, args);
  }

  private void answerOversizedFrame(long length, long maxFrame) throws IOException, TException {
    String message = "frame of " + length + " bytes exceeds max_frame_size of " + maxFrame + " bytes";
    byte[] head = peek(1);
    if (head.length == 0) return;
    ThriftProtocolKind kind = ThriftProtocolKind.ofFirstByte(head[0]);
    StreamTransport t = new StreamTransport(in, null);
    t.beginMessage(HEADER_LIMIT);
    TMessage header;
    try {
      header = kind.newProtocol(t).readMessageBegin();
    } catch (TException | RuntimeException e) {
      if (idleClosed) return;
      // Garbage, not Thrift: closing is the only answer.
      log.debug("thrift connection from {}: {} and no readable message header; closing", socket.getRemoteSocketAddress(), message);
      return;
    }
    answerError(kind, true, header, TApplicationException.PROTOCOL_ERROR, message);
  }

  // ---- unframed ----

  private void serveUnframed(ThriftProtocolKind kind) throws IOException, TException {
    StreamTransport t = new StreamTransport(in, null);
    TProtocol p = kind.newProtocol(t);
    long maxMessage = settings.maxMessageBytes();
    while (reading) {
      waitingSince = System.nanoTime();
      if (peek(1).length == 0) return;
      t.beginMessage(maxMessage);
      TMessage header;
      try {
        header = p.readMessageBegin();
      } catch (TException | RuntimeException e) {
        if (idleClosed) return;
        log.debug("thrift connection from {}: undecodable message header ({}); closing", socket.getRemoteSocketAddress(), describe(e));
        return;
      }
      t.startRecording();
      try {
        TProtocolUtil.skip(p, TType.STRUCT, MAX_DEPTH);
        p.readMessageEnd();
      } catch (TException | RuntimeException e) {
        t.stopRecording();
        if (idleClosed) return;
        String reason = e instanceof TTransportException te && te.getType() == TTransportException.MESSAGE_SIZE_LIMIT
            ? "message exceeds max_message_size of " + maxMessage + " bytes"
            : "undecodable arguments of " + header.name + ": " + describe(e);
        answerError(kind, false, header, TApplicationException.PROTOCOL_ERROR, reason);
        return;
      }
      waitingSince = 0;
      serveCall(kind, false, header, t.stopRecording());
    }
  }

  // ---- calls ----

  private void serveCall(ThriftProtocolKind kind, boolean framed, TMessage header, byte[] args) throws IOException, TException {
    boolean onewayMessage = header.type == TMessageType.ONEWAY;
    if (header.type != TMessageType.CALL && !onewayMessage) {
      answerError(kind, framed, header, TApplicationException.INVALID_MESSAGE_TYPE,
          "message type " + header.type + " (expected: " + TMessageType.CALL + " CALL or " + TMessageType.ONEWAY + " ONEWAY)");
      return;
    }
    String name = header.name;
    int colon = name.indexOf(':');
    String service = colon >= 0 ? name.substring(0, colon) : settings.defaultService();
    String method = colon >= 0 ? name.substring(colon + 1) : name;
    if (service == null) {
      if (!onewayMessage) {
        answerError(kind, framed, method, header.seqid, TApplicationException.UNKNOWN_METHOD,
            "no service for method " + method + ": call as Service:" + method + " with TMultiplexedProtocol, or set listeners.thrift.service");
      }
      return;
    }
    RouteMethod route = settings.dispatcher().router().resolve(service, method);
    if (route == null) {
      if (!onewayMessage) {
        CompiledRoute r = settings.dispatcher().router().snapshot().route(service);
        String message = r == null
            ? "unknown service " + service
            : "unknown method " + method + " of service " + r.callerService().qualifiedName();
        answerError(kind, framed, method, header.seqid, TApplicationException.UNKNOWN_METHOD, message);
      }
      return;
    }
    Call call = new Call(service, method, kind.format(), args, Deadline.NONE, Metadata.EMPTY);
    boolean oneway = onewayMessage || route.isOneway();
    CompletableFuture<Reply> reply;
    if (!oneway && Thread.currentThread() instanceof CallerThread self) {
      // This thread waits for the reply anyway: a blocking backend exchange may run on it.
      self.setWaitsForReply(true);
      try {
        reply = settings.dispatcher().dispatch(route, call);
      } finally {
        self.setWaitsForReply(false);
      }
    } else {
      reply = settings.dispatcher().dispatch(route, call);
    }
    if (oneway) {
      // Nothing goes back to the caller; a failure is only worth a log line.
      reply.thenAccept(r -> {
        if (!r.isOk()) log.debug("oneway {} failed: {}", route, r);
      });
      return;
    }
    Reply r = reply.join();
    if (r.isOk() && r.format() == kind.format()) {
      // The result struct goes out as it is, after a header (what ReplyEncoder would produce, uncopied).
      messages.write(framed, kind, new TMessage(method, TMessageType.REPLY, header.seqid), r.payload());
    } else {
      send(framed, ReplyEncoder.encode(kind, method, header.seqid, r, route.callerMethod()));
    }
  }

  private void answerError(ThriftProtocolKind kind, boolean framed, TMessage header, int type, String message) throws IOException, TException {
    if (header.type == TMessageType.ONEWAY) return;
    int colon = header.name.indexOf(':');
    answerError(kind, framed, colon >= 0 ? header.name.substring(colon + 1) : header.name, header.seqid, type, message);
  }

  private void answerError(ThriftProtocolKind kind, boolean framed, String method, int seqid, int type, String message) throws IOException, TException {
    send(framed, ReplyEncoder.applicationException(kind, method, seqid, new TApplicationException(type, message)));
  }

  private void send(boolean framed, byte[] message) throws IOException {
    messages.write(framed, message);
  }

  /** When the current wait for a message began ({@link System#nanoTime()}), or 0 while not waiting. */
  long waitingSince() {
    return waitingSince;
  }

  /** The watchdog's close: the blocked read fails, and the connection ends without an answer. */
  void closeIdle() {
    idleClosed = true;
    close();
  }

  /**
   * A cause a caller can act on, without stack traces or class names. Inside a frame or a stream the
   * only transport failure left is running out of bytes; libthrift's protocols report bad lengths
   * either as protocol exceptions (kept, they name the problem) or as index exceptions (summarised).
   */
  private static String describe(Exception e) {
    if (e instanceof TTransportException) return "message truncated";
    if (e instanceof RuntimeException) return "invalid length or value";
    String m = e.getMessage();
    return m == null || m.isEmpty() ? "malformed message" : m;
  }

  /** Ends the read loop after the call in progress; wakes a read that is waiting for the next message. */
  void stopReading() {
    reading = false;
    try {
      socket.shutdownInput();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  void close() {
    reading = false;
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing to do: the socket is gone either way.
    }
    onClose.accept(this);
  }
}
