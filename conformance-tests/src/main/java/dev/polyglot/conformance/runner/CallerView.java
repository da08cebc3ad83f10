package dev.polyglot.conformance.runner;

import dev.polyglot.translate.binding.BindingSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.binding.BindingSchema;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.status.Status;
import java.util.Locale;
import java.util.Optional;

/**
 * One service as its callers see it: turns a case's JSON request into the service's own wire format,
 * and a reply in that format back into JSON of the same view. This is where "compared in the caller's
 * view" happens: whatever protocol and bindings sit between, the comparison sees what a client of this
 * service would.
 *
 * <p>Thrift view: the request is the arguments struct; a success is the result value itself ({@code
 * null} for void); a declared exception is named by its type. Proto view: request and response
 * messages in the proto3 JSON mapping. Thread-safe.
 */
public final class CallerView {
  private final Schema schema;
  private final ServiceDef service;
  private final Plans plans;
  private final Transcoder transcoder = Transcoder.standard();

  private CallerView(Schema schema, ServiceDef service) {
    this.schema = schema;
    this.service = service;
    this.plans = Plans.of(schema);
  }

  /**
   * @param schema every loaded IDL
   * @throws IllegalArgumentException when no such service is loaded
   */
  public static CallerView of(Schema schema, String service) {
    Schema withResults = BindingSchema.withResultStructs(schema);
    return new CallerView(withResults, withResults.requireService(service));
  }

  public Schema schema() {
    return schema;
  }

  public ServiceDef service() {
    return service;
  }

  public boolean isThrift() {
    return service.idl() == IdlKind.THRIFT;
  }

  /** The JSON dialect of this view. */
  public WireFormat jsonFormat() {
    return isThrift() ? WireFormat.THRIFT_JSON : WireFormat.PROTO_JSON;
  }

  /**
   * The method called {@code name}: the exact name, else the one equal ignoring case and underscores
   * (DESIGN.md's method matching rule).
   *
   * @throws IllegalArgumentException naming the methods there are
   */
  public MethodDef method(String name) {
    return find(service, name).orElseThrow(() -> new IllegalArgumentException(
        "method " + name + " is not in " + service.qualifiedName() + " (expected one of: "
            + String.join(", ", service.methods().stream().map(MethodDef::name).toList()) + ")"));
  }

  static Optional<MethodDef> find(ServiceDef service, String name) {
    Optional<MethodDef> exact = service.method(name);
    if (exact.isPresent()) return exact;
    String key = normalized(name);
    return service.methods().stream().filter(m -> normalized(m.name()).equals(key)).findFirst();
  }

  private static String normalized(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** The request's JSON encoded as {@code format} (a Thrift encoding for a Thrift view, protobuf for proto, or this view's JSON). */
  public byte[] encodeRequest(MethodDef method, JsonNode request, WireFormat format) {
    byte[] json = Json.bytes(request);
    if (format == jsonFormat()) return json;
    return transcoder.transcode(plans.struct(method.request().qualifiedName()), jsonFormat(), format, json);
  }

  /** The request bytes in {@code format} as JSON of this view: what {@code record} writes into case files. */
  public JsonNode decodeRequest(MethodDef method, byte[] request, WireFormat format) {
    if (format == jsonFormat()) return Json.parse(request);
    return Json.parse(transcoder.transcode(plans.struct(method.request().qualifiedName()), format, jsonFormat(), request));
  }

  /**
   * The reply as this view's JSON. An ok reply's payload is the Thrift result struct or the proto
   * response message, in any format this view's types can be read from.
   */
  public Outcome decodeReply(MethodDef method, Reply reply) {
    if (!reply.isOk()) return failure(reply.status());
    if (isThrift()) {
      if (method.response() instanceof TypeRef.Void) return new Outcome.Success(NullNode.getInstance());
      if (reply.format() == WireFormat.THRIFT_JSON) {
        // Thrift-view JSON replies (the HTTP surface's) are the result value itself, not a result struct.
        return new Outcome.Success(reply.payload().length == 0 ? NullNode.getInstance() : Json.parse(reply.payload()));
      }
      JsonNode result = json(BindingSchema.resultName(method), reply.format(), reply.payload());
      JsonNode success = result.get("success");
      return new Outcome.Success(success == null ? NullNode.getInstance() : success);
    }
    return new Outcome.Success(json(((TypeRef.Named) method.response()).qualifiedName(), reply.format(), reply.payload()));
  }

  /** A failure: the status code and message, and the declared exception decoded when the status carries one. */
  public Outcome.Failure failure(Status status) {
    Optional<String> type = Optional.empty();
    Optional<JsonNode> fields = Optional.empty();
    if (status.detail().isPresent() && schema.struct(status.detail().get().typeName()).isPresent()) {
      Status.Detail d = status.detail().get();
      type = Optional.of(d.typeName());
      fields = Optional.of(json(d.typeName(), d.format(), d.payload()));
    }
    return new Outcome.Failure(status.code().jsonName(), type, status.message(), fields);
  }

  private JsonNode json(String struct, WireFormat format, byte[] payload) {
    if (format == jsonFormat()) return Json.parse(payload);
    return Json.parse(transcoder.transcode(plans.struct(struct), format, jsonFormat(), payload));
  }
}
