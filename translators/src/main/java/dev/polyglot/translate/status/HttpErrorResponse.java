package dev.polyglot.translate.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.TranscodeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * An error as an HTTP/JSON caller receives it: a status and the body
 * {@code {"code":"not_found","message":"...","details":[{"type":"warehouse.ItemNotFound","debug":{...}}]}}.
 * {@code details} is always present (empty when the status has no detail). The body is UTF-8
 * JSON; the array is owned by this record.
 */
public record HttpErrorResponse(int status, byte[] body) {
  /** Thread-safe and costly to build: one for every error body. */
  private static final JsonFactory JSON = JsonFactory.builder().build();


  /**
   * The HTTP status for a status code (DESIGN.md "Errors"). {@link StatusCode#UNIMPLEMENTED} is 501
   * here; an unknown method is 404 through {@link #unknownMethod}.
   */
  public static int httpStatus(StatusCode code) {
    return switch (code) {
      case OK -> 200;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case RESOURCE_EXHAUSTED -> 429;
      case CANCELLED -> 499;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
    };
  }

  /** A status without a rendered detail, at the code's HTTP status. */
  public static HttpErrorResponse of(Status status) {
    return of(status, httpStatus(status.code()), Optional.empty());
  }

  /**
   * The response for {@code status}.
   *
   * @param httpStatus usually {@link DeclaredExceptions#httpStatus(Status)}, which honours the
   *     exception's {@code http.status} annotation
   * @param detailJson the status's detail rendered as JSON in the caller's dialect; it becomes
   *     {@code debug} and is copied verbatim, so it must be one well-formed JSON value (our JSON
   *     writers' output is). Ignored when the status has no detail.
   */
  public static HttpErrorResponse of(Status status, int httpStatus, Optional<String> detailJson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("code", status.code().jsonName());
      g.writeStringField("message", status.message());
      g.writeArrayFieldStart("details");
      if (status.detail().isPresent()) {
        g.writeStartObject();
        g.writeStringField("type", status.detail().get().typeName());
        if (detailJson.isPresent()) {
          g.writeFieldName("debug");
          g.writeRawValue(detailJson.get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return new HttpErrorResponse(httpStatus, out.toByteArray());
  }

  /**
   * The response for {@code status} with everything resolved: the HTTP status from
   * {@link DeclaredExceptions#httpStatus(Status)} and the detail rendered as {@code debug} in the
   * caller's JSON dialect ({@code json} is {@link WireFormat#THRIFT_JSON} or
   * {@link WireFormat#PROTO_JSON}). A detail whose type {@code plans} does not know, or that cannot
   * be transcoded, keeps only its {@code type}: rendering an error never fails.
   */
  public static HttpErrorResponse render(
      Status status, DeclaredExceptions declared, Transcoder transcoder, Plans plans, WireFormat json) {
    Optional<String> debug = Optional.empty();
    if (status.detail().isPresent()) {
      Status.Detail d = status.detail().get();
      if (plans.schema().struct(d.typeName()).isPresent()) {
        try {
          byte[] text = transcoder.transcode(plans.struct(d.typeName()), d.format(), json, d.payload());
          debug = Optional.of(new String(text, StandardCharsets.UTF_8));
        } catch (TranscodeException | IllegalArgumentException e) {
          debug = Optional.empty(); // the status itself still reaches the caller
        }
      }
    }
    return of(status, declared.httpStatus(status), debug);
  }

  /**
   * 404 for a method the addressed service does not have (UNIMPLEMENTED would be 501, which tells
   * an HTTP caller the server lacks a feature rather than that the URL is wrong).
   */
  public static HttpErrorResponse unknownMethod(String service, String method) {
    Status s = Status.of(StatusCode.UNIMPLEMENTED, "unknown method " + method + " of service " + service);
    return of(s, 404, Optional.empty());
  }

  /** The body as text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpErrorResponse r && status == r.status && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return status * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "HttpErrorResponse[" + status + ", " + bodyText() + "]";
  }
}
