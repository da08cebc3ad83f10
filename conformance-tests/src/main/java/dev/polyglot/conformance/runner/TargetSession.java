package dev.polyglot.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.adapters.thrift.common.ThriftErrorMapping;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.call.StatusException;
import dev.polyglot.gateway.route.BridgeException;
import dev.polyglot.gateway.route.CallTranslator;
import dev.polyglot.gateway.route.MethodPair;
import dev.polyglot.gateway.route.TranslatorFactory;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.status.ApplicationError;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Calls one target in the caller's view of a case file's service. When the target serves another
 * service ({@code --target-service}), each call goes through the same method binding the gateway
 * compiles for that pair (request caller → target, reply target → caller), so a case file written
 * against the old IDL runs unchanged against the new backend.
 *
 * <p>Not thread-safe; one call at a time. Owns its connection: {@link #close()} it.
 */
public final class TargetSession implements AutoCloseable {
  private final Target target;
  private final CallerView caller;
  private final ServiceDef targetService;
  private final TargetClient client;
  private final HttpTargetClient http;
  private final TranslatorFactory translators;
  private final Map<String, Bridge> bridges = new HashMap<>();

  private TargetSession(Target target, CallerView caller, ServiceDef targetService, TargetClient client, HttpTargetClient http,
      TranslatorFactory translators) {
    this.target = target;
    this.caller = caller;
    this.targetService = targetService;
    this.client = client;
    this.http = http;
    this.translators = translators;
  }

  /**
   * @param targetService the target's own service when it differs from the caller's, else empty
   * @param translators the bindings the gateway uses; only consulted when the services differ
   * @throws IllegalArgumentException when the target's protocol cannot serve the service named, or the
   *     service is not loaded
   */
  public static TargetSession open(Target target, CallerView caller, Optional<String> targetService, ThriftTransport transport,
      ThriftEncoding encoding, TranslatorFactory translators) {
    Objects.requireNonNull(translators, "translators");
    ServiceDef service = targetService.map(s -> caller.schema().requireService(s)).orElse(caller.service());
    switch (target.protocol()) {
      case HTTP -> {
        if (!service.qualifiedName().equals(caller.service().qualifiedName())) {
          throw new IllegalArgumentException("--target-service " + service.qualifiedName() + " over http: a gateway's HTTP listener serves "
              + caller.service().qualifiedName() + " itself (expected: no --target-service with an http:// target)");
        }
        return new TargetSession(target, caller, service, null, new HttpTargetClient(target.host(), target.port()), translators);
      }
      case THRIFT -> {
        requireIdl(target, service, IdlKind.THRIFT);
        return new TargetSession(target, caller, service, new ThriftTargetClient(target.host(), target.port(), transport, encoding), null, translators);
      }
      case GRPC -> {
        requireIdl(target, service, IdlKind.PROTO);
        return new TargetSession(target, caller, service, new GrpcTargetClient(target.host(), target.port()), null, translators);
      }
    }
    throw new AssertionError(target.protocol());
  }

  private static void requireIdl(Target target, ServiceDef service, IdlKind kind) {
    if (service.idl() != kind) {
      throw new IllegalArgumentException(target + " speaks " + target.protocol().name().toLowerCase(java.util.Locale.ROOT) + " but "
          + service.qualifiedName() + " is a " + service.idl().name().toLowerCase(java.util.Locale.ROOT) + " service (expected: --target-service naming the "
          + (kind == IdlKind.THRIFT ? "Thrift" : "proto") + " service the target serves)");
    }
  }

  public Target target() {
    return target;
  }

  public CallerView caller() {
    return caller;
  }

  /**
   * One call of the caller's method {@code method}.
   *
   * @throws IllegalArgumentException when the method is unknown or the request does not fit its
   *     types (a broken case, not a failing target)
   */
  public Outcome call(String method, JsonNode request, Duration timeout) {
    MethodDef m = caller.method(method);
    if (http != null) {
      return http.call(caller.service().qualifiedName(), m.name(), encode(m, request, caller.jsonFormat()),
          caller.isThrift() && m.response() instanceof TypeRef.Void, timeout);
    }
    if (targetService == caller.service()) {
      Reply reply = client.call(caller.schema(), targetService, m, encode(m, request, client.format()), timeout);
      return decode(m, reply);
    }
    Bridge bridge = bridge(m);
    WireFormat callerFormat = caller.isThrift() ? (client.format() == WireFormat.PROTOBUF ? WireFormat.THRIFT_BINARY : client.format()) : WireFormat.PROTOBUF;
    byte[] translated;
    try {
      translated = bridge.translator.translateRequest(encode(m, request, callerFormat), callerFormat, client.format());
    } catch (StatusException e) {
      return caller.failure(e.status());
    }
    Reply reply = client.call(caller.schema(), targetService, bridge.targetMethod, translated, timeout);
    try {
      return decode(m, asThriftCallerSees(bridge.translator.translateReply(reply, callerFormat)));
    } catch (StatusException e) {
      return caller.failure(asThriftCallerSees(Reply.error(e.status())).status());
    }
  }

  /**
   * A Thrift caller cannot receive a status code: a failure other than a declared exception reaches it
   * as a {@code TApplicationException}, whose type is all that is left of the code. Mapping through
   * that type, as the gateway's Thrift listener does, compares what a Thrift client of the target
   * would see, whichever protocol the target speaks.
   */
  private Reply asThriftCallerSees(Reply reply) {
    if (!caller.isThrift() || reply.isOk() || reply.status().detail().isPresent()) return reply;
    int type = ThriftErrorMapping.applicationExceptionType(reply.status().code());
    return Reply.error(ApplicationError.of(ApplicationError.Type.forNumber(type), reply.status().message()).toStatus());
  }

  /** A reply that does not decode is the target's fault: a failed call, not a crashed run. */
  private Outcome decode(MethodDef m, Reply reply) {
    try {
      return caller.decodeReply(m, reply);
    } catch (TranscodeException | java.io.UncheckedIOException e) {
      return new Outcome.Failure("internal", Optional.empty(), "the reply of " + m.name() + " does not decode: " + e.getMessage(), Optional.empty());
    }
  }

  private byte[] encode(MethodDef m, JsonNode request, WireFormat format) {
    try {
      return caller.encodeRequest(m, request, format);
    } catch (TranscodeException e) {
      throw new IllegalArgumentException("request of " + m.name() + " does not fit " + m.request().qualifiedName() + ": " + e.getMessage(), e);
    }
  }

  private Bridge bridge(MethodDef callerMethod) {
    Bridge b = bridges.get(callerMethod.name());
    if (b != null) return b;
    MethodDef targetMethod = CallerView.find(targetService, callerMethod.name()).orElseThrow(() -> new IllegalArgumentException(
        callerMethod.name() + " has no method of the same name in " + targetService.qualifiedName()));
    try {
      CallTranslator t = translators.bind(new MethodPair(caller.schema(), caller.service(), callerMethod, targetService, targetMethod, client.format()))
          .translator();
      b = new Bridge(targetMethod, t);
    } catch (BridgeException e) {
      throw new IllegalArgumentException(caller.service().qualifiedName() + "/" + callerMethod.name() + " cannot be bound to "
          + targetService.qualifiedName() + "/" + targetMethod.name() + ": " + String.join("; ", e.reasons()), e);
    }
    bridges.put(callerMethod.name(), b);
    return b;
  }

  private record Bridge(MethodDef targetMethod, CallTranslator translator) {}

  @Override
  public void close() {
    if (client != null) client.close();
    if (http != null) http.close();
  }
}
