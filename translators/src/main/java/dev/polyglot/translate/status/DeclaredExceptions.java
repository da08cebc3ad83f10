package dev.polyglot.translate.status;

import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.translate.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The error model of one Thrift method: its declared exceptions, resolved once (annotations parsed,
 * message field found) and the conversions between them and a {@link Status}.
 *
 * <p>Rules (DESIGN.md "Errors"):
 *
 * <ul>
 *   <li>exception → status: code from {@code grpc.code} (default UNKNOWN), message from the
 *       {@code message} field else the first string field, the exception value as the detail;
 *   <li>status → Thrift caller: a detail naming a declared exception (same simple name) → that
 *       exception; else a code that exactly one declared exception is annotated with → that
 *       exception with only its message field set; else {@code TApplicationException}
 *       INTERNAL_ERROR with the status text;
 *   <li>HTTP status: the exception's {@code http.status}, else {@link HttpErrorResponse#httpStatus}.
 * </ul>
 *
 * <p>Immutable and thread-safe. Exceptions are few per method, so lookups scan a small array.
 */
public final class DeclaredExceptions {
  /** The annotation naming the gRPC code of an exception. */
  public static final String GRPC_CODE = "grpc.code";
  /** The annotation naming the HTTP status of an exception. */
  public static final String HTTP_STATUS = "http.status";

  private static final DeclaredExceptions NONE = new DeclaredExceptions(new DeclaredException[0]);

  private final DeclaredException[] exceptions;

  private DeclaredExceptions(DeclaredException[] exceptions) {
    this.exceptions = exceptions;
  }

  /** A method with no {@code throws} clause (or a proto method). */
  public static DeclaredExceptions none() {
    return NONE;
  }

  /**
   * Compiles the {@code throws} clause of {@code method}.
   *
   * @throws IllegalArgumentException for a bad {@code grpc.code} or {@code http.status} annotation,
   *     naming the exception's location, e.g. {@code warehouse.thrift:12:1: warehouse.ItemNotFound:
   *     grpc.code = "NOPE" (expected: a gRPC failure code such as NOT_FOUND)}
   */
  public static DeclaredExceptions of(Schema schema, MethodDef method) {
    return of(schema, method.exceptions());
  }

  /** Like {@link #of(Schema, MethodDef)} for a list of {@code throws} fields. */
  public static DeclaredExceptions of(Schema schema, List<FieldDef> throwsFields) {
    if (throwsFields.isEmpty()) return NONE;
    List<String> problems = new ArrayList<>();
    DeclaredException[] out = new DeclaredException[throwsFields.size()];
    for (int i = 0; i < out.length; i++) {
      FieldDef f = throwsFields.get(i);
      if (!(f.type() instanceof TypeRef.Named named) || named.kind() != TypeRef.NamedKind.STRUCT) {
        throw new IllegalArgumentException("throws field " + f.name() + " is not an exception type: " + f.type().display());
      }
      StructDef type = schema.requireStruct(named.qualifiedName());
      out[i] = new DeclaredException(f.id(), f.name(), type.qualifiedName(),
          grpcCode(type, problems), httpStatus(type, problems), messageField(type));
    }
    if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("\n", problems));
    return new DeclaredExceptions(out);
  }

  public List<DeclaredException> all() {
    return List.of(exceptions);
  }

  /** The position of the exception with this {@code throws} field id, or -1. */
  public int indexOfFieldId(int fieldId) {
    for (int i = 0; i < exceptions.length; i++) if (exceptions[i].fieldId() == fieldId) return i;
    return -1;
  }

  public DeclaredException get(int index) {
    return exceptions[index];
  }

  /**
   * The status for a declared exception the backend threw. {@code value} is the exception value
   * (any format; its {@code typeName} should be the exception's); the message is read from it.
   */
  public Status toStatus(int index, Status.Detail value) {
    DeclaredException e = exceptions[index];
    String message = e.messageField().flatMap(f -> ExceptionFields.readString(value.format(), value.payload(), f)).orElse("");
    return Status.of(e.code(), message, value);
  }

  /**
   * What a Thrift caller receives for {@code status}, by the three rules above. A value built by
   * rule 2 is encoded in {@code thriftFormat}.
   */
  public ThriftError toThrift(Status status, WireFormat thriftFormat) {
    if (status.detail().isPresent()) {
      ThriftError byDetail = byDetail(status.detail().get());
      if (byDetail != null) return byDetail;
    }
    return byCode(status, thriftFormat);
  }

  /** Like {@link #toThrift(Status, WireFormat)}, searching every detail of a gRPC status for rule 1. */
  public ThriftError toThrift(GoogleRpcStatus status, WireFormat thriftFormat) {
    for (Status.Detail d : status.details()) {
      ThriftError byDetail = byDetail(d);
      if (byDetail != null) return byDetail;
    }
    return byCode(Status.of(status.code(), status.message()), thriftFormat);
  }

  /**
   * The HTTP status for {@code status}: the {@code http.status} annotation of the declared exception
   * its detail names, else the status code's.
   */
  public int httpStatus(Status status) {
    if (status.detail().isPresent()) {
      DeclaredException e = find(status.detail().get());
      if (e != null && e.httpStatus().isPresent()) return e.httpStatus().getAsInt();
    }
    return HttpErrorResponse.httpStatus(status.code());
  }

  private ThriftError byDetail(Status.Detail detail) {
    DeclaredException e = find(detail);
    return e == null ? null : new ThriftError.Declared(e, detail);
  }

  private DeclaredException find(Status.Detail detail) {
    for (DeclaredException e : exceptions) if (e.typeName().equals(detail.typeName())) return e;
    String simple = detail.simpleName();
    for (DeclaredException e : exceptions) if (e.simpleName().equals(simple)) return e;
    return null;
  }

  private ThriftError byCode(Status status, WireFormat thriftFormat) {
    DeclaredException only = null;
    for (DeclaredException e : exceptions) {
      if (e.code() == status.code()) {
        if (only != null) return ApplicationError.of(status); // two candidates: no way to choose
        only = e;
      }
    }
    if (only == null) return ApplicationError.of(status);
    byte[] value = ExceptionFields.writeString(thriftFormat, only.messageField(), status.message());
    return new ThriftError.Declared(only, Status.Detail.of(only.typeName(), thriftFormat, value));
  }

  private static StatusCode grpcCode(StructDef type, List<String> problems) {
    Optional<String> text = type.annotations().get(GRPC_CODE);
    if (text.isEmpty()) return StatusCode.UNKNOWN;
    StatusCode code = StatusCode.parse(text.get());
    if (code == null || code == StatusCode.OK) {
      // OK is a code but not a failure: an exception annotated with it could never be answered.
      problems.add(type.location() + ": " + type.qualifiedName() + ": " + GRPC_CODE + " = \"" + text.get()
          + "\" (expected: a gRPC failure code such as NOT_FOUND)");
      return StatusCode.UNKNOWN;
    }
    return code;
  }

  private static OptionalInt httpStatus(StructDef type, List<String> problems) {
    Optional<String> text = annotation(type.annotations(), HTTP_STATUS);
    if (text.isEmpty()) return OptionalInt.empty();
    try {
      int status = Integer.parseInt(text.get().trim());
      if (status >= 100 && status <= 599) return OptionalInt.of(status);
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(type.location() + ": " + type.qualifiedName() + ": " + HTTP_STATUS + " = \"" + text.get() + "\" (expected: 100-599)");
    return OptionalInt.empty();
  }

  private static Optional<String> annotation(Annotations annotations, String key) {
    return annotations.get(key);
  }

  private static Optional<DeclaredException.MessageField> messageField(StructDef type) {
    FieldDef first = null;
    for (FieldDef f : type.fields()) {
      if (f.type() instanceof TypeRef.Base b && b.scalar() == Scalar.STRING) {
        if (f.name().equals("message")) return Optional.of(new DeclaredException.MessageField(f.id(), f.name(), f.jsonName()));
        if (first == null) first = f;
      }
    }
    return first == null ? Optional.empty() : Optional.of(new DeclaredException.MessageField(first.id(), first.name(), first.jsonName()));
  }
}
