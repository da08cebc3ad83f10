package dev.polyglot.adapters.thrift.server;

import dev.polyglot.adapters.thrift.common.StreamTransport;
import dev.polyglot.adapters.thrift.common.ThriftErrorMapping;
import dev.polyglot.adapters.thrift.common.ThriftProtocolKind;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.translate.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes the core's {@link Reply} as the Thrift message a caller expects (without the frame length).
 *
 * <ul>
 *   <li>ok: a {@code REPLY} message whose body is the reply's payload, the result struct, as is;
 *   <li>error whose status detail names one of the method's declared exceptions: a {@code REPLY} whose
 *       result struct holds the exception at its {@code throws} id;
 *   <li>any other error: an {@code EXCEPTION} message, a {@link TApplicationException} whose type comes
 *       from {@link ThriftErrorMapping} and whose message is the status message.
 * </ul>
 * A payload in another encoding than the caller's is a gateway bug (the translator should have
 * converted it): logged, and answered with {@code INTERNAL_ERROR}.
 */
final class ReplyEncoder {
  private static final Logger log = LoggerFactory.getLogger(ReplyEncoder.class);
  private static final TStruct RESULT = new TStruct("result");

  private ReplyEncoder() {}

  static byte[] encode(ThriftProtocolKind kind, String method, int seqid, Reply reply, MethodDef callerMethod) throws TException {
    if (reply.isOk()) {
      if (reply.format() != kind.format()) return mismatch(kind, method, seqid, reply.format() + " payload");
      return message(kind, new TMessage(method, TMessageType.REPLY, seqid), p -> p.getTransport().write(reply.payload()));
    }
    Status status = reply.status();
    if (status.detail().isPresent()) {
      Status.Detail detail = status.detail().get();
      FieldDef declared = declaredException(callerMethod, detail.typeName());
      if (declared != null) {
        if (detail.format() != kind.format()) return mismatch(kind, method, seqid, detail.format() + " exception " + detail.typeName());
        return message(kind, new TMessage(method, TMessageType.REPLY, seqid), p -> {
          p.writeStructBegin(RESULT);
          p.writeFieldBegin(new TField(declared.name(), TType.STRUCT, (short) declared.id()));
          p.getTransport().write(detail.payload());
          p.writeFieldEnd();
          p.writeFieldStop();
          p.writeStructEnd();
        });
      }
    }
    int type = ThriftErrorMapping.applicationExceptionType(status.code());
    return applicationException(kind, method, seqid, new TApplicationException(type, status.message()));
  }

  static byte[] applicationException(ThriftProtocolKind kind, String method, int seqid, TApplicationException e) throws TException {
    return message(kind, new TMessage(method, TMessageType.EXCEPTION, seqid), e::write);
  }

  /** The {@code throws} field whose exception type is {@code typeName}, or null. Few fields: a scan. */
  private static FieldDef declaredException(MethodDef method, String typeName) {
    for (FieldDef f : method.exceptions()) {
      if (f.type() instanceof TypeRef.Named named && named.qualifiedName().equals(typeName)) return f;
    }
    return null;
  }

  private static byte[] mismatch(ThriftProtocolKind kind, String method, int seqid, String what) throws TException {
    log.warn("reply to {} carries a {} for a {} caller; the route's translator should have converted it", method, what, kind.format());
    return applicationException(kind, method, seqid, new TApplicationException(TApplicationException.INTERNAL_ERROR, "internal error"));
  }

  private static byte[] message(ThriftProtocolKind kind, TMessage header, Body body) throws TException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    TProtocol p = kind.newProtocol(new StreamTransport(InputStream.nullInputStream(), bytes));
    p.writeMessageBegin(header);
    body.write(p);
    p.writeMessageEnd();
    p.getTransport().flush();
    return bytes.toByteArray();
  }

  @FunctionalInterface
  private interface Body {
    void write(TProtocol p) throws TException;
  }
}
