package dev.polyglot.translate.binding;

import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.idl.compat.ExceptionCorrespondence;
import dev.polyglot.idl.compat.MethodCorrespondence;
import dev.polyglot.idl.compat.ResultCorrespondence;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.event.ValueWriter;
import dev.polyglot.translate.status.DeclaredExceptions;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.ThriftError;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One caller method bound to one backend method: translates requests from the caller's shape and
 * format to the backend's, and replies (success, declared exception, failure) back, each in one
 * pass from a reader through a remapping sink into a writer.
 *
 * <p>Everything is compiled once by {@link #compile}, from the {@link MethodCorrespondence} of
 * {@link dev.polyglot.idl.compat.Compatibility#check} (the one implementation of the mapping rules):
 * field index maps, enum number maps, range checks, wrapper positions, presence fills. Calls do
 * array reads only.
 *
 * <p>Shapes (DESIGN.md "Mapping"): a Thrift request is the method's argument struct, a proto request
 * the request message. A Thrift reply is the result struct ({@code 0: success}; for void no field);
 * a proto reply the response message. For a {@link WireFormat#THRIFT_JSON} caller of a Thrift method
 * the reply is the bare result value's JSON ({@code {}} for void), which is what the HTTP surface
 * answers.
 *
 * <p>Thread-safe and immutable; per-thread readers, writers and sinks come from the shared {@link
 * BindingSchema}. Inputs are only read; every returned array is new and owned by the caller.
 */
public final class MethodBinding {
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUCCESS_PREFIX = "{\"success\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUCCESS_NAME = "\"success\"".getBytes(StandardCharsets.US_ASCII);

  private final BindingSchema schema;
  private final MethodCorrespondence correspondence;
  private final boolean identity;
  private final boolean callerThrift;
  private final boolean backendThrift;
  private final StructPlan callerRequest;
  private final StructPlan backendRequest;
  private final StructPlan callerReply;
  private final StructPlan backendReply;
  private final Conv request;
  private final Conv reply; // null: nothing to carry (void, Empty)
  private final ExceptionBinding[] exceptions;
  private final DeclaredExceptions callerDeclared;
  private final DeclaredExceptions backendDeclared;

  /** A declared exception's conversion from the backend's type to the caller's. */
  private record ExceptionBinding(
      ExceptionCorrespondence e, StructPlan source, StructPlan target, Conv conv, int callerIndex, int backendIndex) {}

  private MethodBinding(BindingSchema schema, MethodCorrespondence mc) {
    this.schema = schema;
    this.correspondence = mc;
    Schema s = schema.schema();
    var plans = schema.plans();
    StructDef callerArgs = mc.request().caller();
    StructDef backendArgs = mc.request().backend();
    this.callerThrift = callerArgs.idl() == IdlKind.THRIFT;
    this.backendThrift = backendArgs.idl() == IdlKind.THRIFT;
    this.identity = mc.caller().service().equals(mc.backend().service()) && mc.caller().name().equals(mc.backend().name());
    ConvCompiler forward = new ConvCompiler(plans, true);
    ConvCompiler back = new ConvCompiler(plans, false);
    this.callerRequest = plans.struct(callerArgs);
    this.backendRequest = plans.struct(backendArgs);
    this.request = forward.compile(mc.request());
    this.callerReply = callerThrift ? schema.resultPlan(mc.caller()) : plans.struct(messageName(mc.caller().response()));
    this.backendReply = backendThrift ? schema.resultPlan(mc.backend()) : plans.struct(messageName(mc.backend().response()));
    if (mc.response() instanceof ResultCorrespondence.Value v) {
      Conv inner = back.compile(v.value());
      if (callerThrift && backendThrift) {
        reply = back.resultStruct(backendReply, success(backendReply), callerReply, success(callerReply), inner);
      } else if (callerThrift) {
        reply = back.targetWrap(callerReply, success(callerReply), inner);
      } else if (backendThrift) {
        reply = back.sourceWrap(success(backendReply), inner, null);
        reply.missing = "field success of " + backendReply.qualifiedName();
      } else {
        reply = inner;
      }
    } else {
      reply = null;
    }
    this.callerDeclared = callerThrift ? DeclaredExceptions.of(s, mc.caller()) : DeclaredExceptions.none();
    this.backendDeclared = backendThrift ? DeclaredExceptions.of(s, mc.backend()) : DeclaredExceptions.none();
    List<ExceptionCorrespondence> es = mc.exceptions();
    ExceptionBinding[] bound = new ExceptionBinding[es.size()];
    int n = 0;
    for (ExceptionCorrespondence e : es) {
      if (e.backendType() == null || e.callerType() == null || e.fields() == null) continue;
      bound[n++] = new ExceptionBinding(
          e,
          plans.struct(e.backendType()),
          plans.struct(e.callerType()),
          back.compile(e.fields()),
          e.callerField() != null ? callerDeclared.indexOfFieldId(e.callerField().id()) : -1,
          e.backendField() != null ? backendDeclared.indexOfFieldId(e.backendField().id()) : -1);
    }
    this.exceptions = Arrays.copyOf(bound, n);
  }

  /**
   * Compiles the binding of one method correspondence.
   *
   * @throws IllegalArgumentException if the correspondence holds a pair that cannot be bridged (its
   *     report has errors), or a declared exception has a bad {@code grpc.code}/{@code http.status}
   */
  public static MethodBinding compile(BindingSchema schema, MethodCorrespondence method) {
    return new MethodBinding(schema, method);
  }

  /** Like {@link #compile(BindingSchema, MethodCorrespondence)} with a schema of its own. */
  public static MethodBinding compile(Schema schema, MethodCorrespondence method) {
    return new MethodBinding(BindingSchema.of(schema), method);
  }

  public MethodCorrespondence correspondence() {
    return correspondence;
  }

  /** The caller's request type: a Thrift argument struct or a proto request message. */
  public StructPlan callerRequestPlan() {
    return callerRequest;
  }

  public StructPlan backendRequestPlan() {
    return backendRequest;
  }

  /** The caller's reply type: a Thrift result struct or a proto response message. */
  public StructPlan callerReplyPlan() {
    return callerReply;
  }

  public StructPlan backendReplyPlan() {
    return backendReply;
  }

  /** Thrift {@code oneway}: the request is forwarded and no reply is awaited. */
  public boolean forwardOnly() {
    return correspondence.forwardOnly();
  }

  /**
   * The caller's request, in {@code from}, as the backend's request in {@code to}.
   *
   * @throws TranscodeException naming the field path (caller's names) and what was expected: the
   *     request is malformed, a value does not fit the backend's type, or a required field is missing
   */
  public byte[] translateRequest(byte[] request, WireFormat from, WireFormat to) {
    if (identity && from == to) return request;
    return run(this.request, callerRequest, backendRequest, from, to, request);
  }

  /**
   * A backend's successful reply payload, in {@code from}, as the caller's reply in {@code to}.
   *
   * @throws TranscodeException if the reply does not decode or a value does not fit the caller's type
   */
  public byte[] translateReply(byte[] reply, WireFormat from, WireFormat to) {
    if (identity && from == to) return reply;
    if (this.reply == null) return emptyReply(to);
    byte[] in = reply;
    if (backendThrift && from == WireFormat.THRIFT_JSON) in = wrapSuccess(reply);
    byte[] out = run(this.reply, backendReply, callerReply, from, to, in);
    return callerThrift && to == WireFormat.THRIFT_JSON ? stripSuccess(out) : out;
  }

  /**
   * A backend's failure as the caller should see it (DESIGN.md "Errors"). A detail naming one of the
   * backend's declared exceptions becomes the caller's counterpart, re-encoded in {@code to}, with
   * the code of its {@code grpc.code} annotation and the message of its message field (a Thrift
   * exception without a proto counterpart reaches a proto caller as that code and message alone). Toward a
   * Thrift caller without such a detail: the one exception annotated with the status code, holding
   * the status message; else no detail (the caller gets a {@code TApplicationException}). Toward a
   * proto caller, an undeclared detail that is a proto message the schema knows is re-encoded in
   * {@code to}; any other is dropped, keeping code and message.
   */
  public Status translateError(Status status, WireFormat to) {
    Optional<Status.Detail> detail = status.detail();
    if (detail.isPresent()) {
      Status.Detail d = detail.get();
      ExceptionBinding eb = find(d.typeName());
      if (eb != null) {
        byte[] payload = d.format() == to && eb.source() == eb.target() ? d.payload() : run(eb.conv(), eb.source(), eb.target(), d.format(), to, d.payload());
        Status.Detail out = Status.Detail.of(eb.target().qualifiedName(), to, payload);
        if (callerThrift && eb.callerIndex() >= 0) return callerDeclared.toStatus(eb.callerIndex(), out);
        if (backendThrift && eb.backendIndex() >= 0) return backendDeclared.toStatus(eb.backendIndex(), d).withDetail(out);
        return status.withDetail(out);
      }
      if (!callerThrift && backendThrift) {
        // A declared exception the proto side has no message for: it crosses as its code and message.
        int bi = backendIndexOf(d.typeName());
        if (bi >= 0) return backendDeclared.toStatus(bi, d).withoutDetail();
      }
    }
    if (callerThrift) {
      ThriftError te = callerDeclared.toThrift(status.withoutDetail(), to);
      if (te instanceof ThriftError.Declared declared) {
        return Status.of(declared.exception().code(), status.message(), declared.value());
      }
      return status.withoutDetail(); // the Thrift edge answers TApplicationException with the status text
    }
    if (detail.isEmpty()) return status;
    Status.Detail d = detail.get();
    if (d.format() == to) return status;
    Optional<StructDef> type = schema.schema().struct(d.typeName());
    if (type.isEmpty() || type.get().idl() != IdlKind.PROTO) return status.withoutDetail();
    try {
      StructPlan plan = schema.plans().struct(type.get());
      return status.withDetail(Status.Detail.of(d.typeName(), to, schema.transcoder().transcode(plan, d.format(), to, d.payload())));
    } catch (TranscodeException e) {
      return status.withoutDetail();
    }
  }

  /**
   * Canonical bytes of a backend request, for cache keys: requests equal in value (whatever their
   * field order, map and set order, or encoding) give equal bytes, different values different bytes.
   * The bytes are the request re-encoded in {@code format} with fields in id order, map entries
   * and set elements in the order of their encodings, and proto3 zero values left out.
   *
   * @throws TranscodeException if the request does not decode
   */
  public byte[] canonicalRequest(byte[] backendRequest, WireFormat format) {
    CanonicalSink sink = new CanonicalSink(this.backendRequest);
    int used = schema.transcoder().reader(format).read(backendRequest, 0, backendRequest.length, this.backendRequest, sink);
    if (used != backendRequest.length) {
      throw TranscodeException.of((backendRequest.length - used) + " trailing bytes after the end of the " + this.backendRequest.qualifiedName() + " value (expected: end of input)");
    }
    ValueWriter writer = schema.transcoder().writer(format);
    writer.reset(this.backendRequest);
    CanonicalSink.replay(sink.result(), writer);
    return writer.toByteArray();
  }

  private int backendIndexOf(String typeName) {
    List<dev.polyglot.translate.status.DeclaredException> all = backendDeclared.all();
    for (int i = 0; i < all.size(); i++) if (all.get(i).typeName().equals(typeName)) return i;
    return -1;
  }

  private ExceptionBinding find(String typeName) {
    for (ExceptionBinding eb : exceptions) if (eb.source().qualifiedName().equals(typeName)) return eb;
    String simple = typeName.substring(typeName.lastIndexOf('.') + 1);
    for (ExceptionBinding eb : exceptions) if (eb.source().def().name().equals(simple)) return eb;
    return null;
  }

  private byte[] run(Conv root, StructPlan sourcePlan, StructPlan targetPlan, WireFormat from, WireFormat to, byte[] in) {
    ValueWriter writer = schema.transcoder().writer(to);
    writer.reset(targetPlan);
    Remapper remapper = schema.remapper();
    remapper.reset(root, writer);
    int used = schema.transcoder().reader(from).read(in, 0, in.length, sourcePlan, remapper);
    if (used != in.length) {
      throw TranscodeException.of((in.length - used) + " trailing bytes after the end of the " + sourcePlan.qualifiedName() + " value (expected: end of input)");
    }
    return writer.toByteArray();
  }

  private byte[] emptyReply(WireFormat to) {
    if (callerThrift && to == WireFormat.THRIFT_JSON) return EMPTY_JSON.clone();
    ValueWriter writer = schema.transcoder().writer(to);
    writer.reset(callerReply);
    writer.startStruct();
    writer.endStruct();
    return writer.toByteArray();
  }

  /** The bare result JSON a Thrift-view HTTP body holds, as the result struct's JSON. */
  private static byte[] wrapSuccess(byte[] bare) {
    byte[] out = new byte[SUCCESS_PREFIX.length + bare.length + 1];
    System.arraycopy(SUCCESS_PREFIX, 0, out, 0, SUCCESS_PREFIX.length);
    System.arraycopy(bare, 0, out, SUCCESS_PREFIX.length, bare.length);
    out[out.length - 1] = '}';
    return out;
  }

  /**
   * {@code {"success":X}} → {@code X}, tolerating the whitespace of pretty output; a result without
   * success (a proto3 zero enum value has no Thrift counterpart to return) → {@code null}.
   */
  private static byte[] stripSuccess(byte[] json) {
    int i = skipSpace(json, 0);
    if (i < json.length && json[i] == '{') {
      i = skipSpace(json, i + 1);
      int n = SUCCESS_NAME.length;
      if (i + n <= json.length && Arrays.equals(json, i, i + n, SUCCESS_NAME, 0, n)) {
        i = skipSpace(json, i + n);
        if (i < json.length && json[i] == ':') {
          int start = skipSpace(json, i + 1);
          int end = json.length;
          while (end > start && isSpace(json[end - 1])) end--;
          if (end > start && json[end - 1] == '}') {
            end--;
            while (end > start && isSpace(json[end - 1])) end--;
            return Arrays.copyOfRange(json, start, end);
          }
        }
      }
    }
    return "null".getBytes(StandardCharsets.US_ASCII);
  }

  private static int skipSpace(byte[] json, int i) {
    while (i < json.length && isSpace(json[i])) i++;
    return i;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  private static int success(StructPlan result) {
    int i = result.indexOfId(0);
    if (i < 0) throw new IllegalArgumentException(result.qualifiedName() + " has no success field");
    return i;
  }

  private static String messageName(TypeRef response) {
    if (response instanceof TypeRef.Named n) return n.qualifiedName();
    throw new IllegalArgumentException("a proto method's response must be a message, not " + response.display());
  }

  @Override
  public String toString() {
    return "MethodBinding[" + correspondence.caller().service() + "." + correspondence.caller().name() + " -> "
        + correspondence.backend().service() + "." + correspondence.backend().name() + "]";
  }
}
