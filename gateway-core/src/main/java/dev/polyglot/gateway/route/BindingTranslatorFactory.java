package dev.polyglot.gateway.route;

import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.call.StatusException;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.compat.CompatProblem;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.compat.CompatibilityReport;
import dev.polyglot.idl.compat.MethodCorrespondence;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.binding.BindingSchema;
import dev.polyglot.translate.binding.MethodBinding;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The translators' {@link MethodBinding}s plugged into the route compiler: each method pair is
 * bound from the compatibility check of its two services and wrapped as a {@link CallTranslator}
 * and a {@link RequestCanonicalizer}.
 *
 * <p>Failures at call time: a request that does not decode or does not fit the backend's types is
 * {@code INVALID_ARGUMENT} with the field path; a backend reply that cannot be put into the
 * caller's shape is {@code INTERNAL} with the path (the caller did nothing wrong). A pair that cannot
 * be bound is a {@link BridgeException} when the route is compiled, one reason per problem.
 *
 * <p>The compiler calls {@link #bind} on one thread; the shared state (the last schema's compiled
 * plans and reports) is guarded anyway. What it returns is thread-safe.
 */
public final class BindingTranslatorFactory implements TranslatorFactory {
  private final Limits limits;
  private Schema schema;
  private BindingSchema bindingSchema;
  private final Map<String, CompatibilityReport> reports = new HashMap<>();

  public BindingTranslatorFactory() {
    this(Limits.DEFAULT);
  }

  /** @param limits the guards every request and reply reader applies */
  public BindingTranslatorFactory(Limits limits) {
    this.limits = limits;
  }

  @Override
  public synchronized MethodTranslation bind(MethodPair pair) throws BridgeException {
    if (pair.schema() != schema) {
      // A new IDL snapshot: plans and reports of the previous one are no longer needed.
      schema = pair.schema();
      bindingSchema = BindingSchema.of(schema, limits);
      reports.clear();
    }
    String key = pair.callerService().qualifiedName() + " -> " + pair.backendService().qualifiedName();
    CompatibilityReport report = reports.computeIfAbsent(key, k -> Compatibility.check(schema, pair.callerService(), pair.backendService()));
    String method = pair.callerMethod().name();
    List<String> reasons = new ArrayList<>();
    for (CompatProblem p : report.errors()) {
      if (p.path().equals(method) || p.path().startsWith(method + ".")) reasons.add(p.path() + ": " + p.message());
    }
    Optional<MethodCorrespondence> mc = report.method(method);
    if (mc.isEmpty() && reasons.isEmpty()) {
      reasons.add(method + ": " + pair.backendService().qualifiedName() + " has no method that " + method + " binds to");
    }
    if (!reasons.isEmpty()) {
      if (pair.isPassThrough()) return passThrough();
      throw new BridgeException(reasons);
    }
    MethodBinding binding;
    try {
      binding = MethodBinding.compile(bindingSchema, mc.get());
    } catch (IllegalArgumentException e) {
      if (pair.isPassThrough()) return passThrough();
      throw new BridgeException(List.of(method + ": " + e.getMessage()));
    }
    return MethodTranslation.of(new BoundTranslator(binding), new BoundCanonicalizer(binding));
  }

  private static MethodTranslation passThrough() {
    return MethodTranslation.of(CallTranslator.passThrough(), RequestCanonicalizer.EXACT_BYTES);
  }

  /** A {@link MethodBinding} as core's translator. */
  private record BoundTranslator(MethodBinding binding) implements CallTranslator {
    @Override
    public byte[] translateRequest(byte[] request, WireFormat from, WireFormat to) {
      try {
        return binding.translateRequest(request, from, to);
      } catch (TranscodeException e) {
        throw new StatusException(Status.of(StatusCode.INVALID_ARGUMENT, e.getMessage()));
      }
    }

    @Override
    public Reply translateReply(Reply reply, WireFormat to) {
      try {
        if (reply.isOk()) return Reply.ok(to, binding.translateReply(reply.payload(), reply.format(), to));
        return Reply.error(binding.translateError(reply.status(), to));
      } catch (TranscodeException e) {
        return Reply.error(StatusCode.INTERNAL, "the backend's reply does not fit the caller's type: " + e.getMessage());
      }
    }
  }

  /** Canonical request bytes; a request that does not decode keys by its bytes. */
  private record BoundCanonicalizer(MethodBinding binding) implements RequestCanonicalizer {
    @Override
    public byte[] canonicalize(byte[] request, WireFormat format) {
      try {
        return binding.canonicalRequest(request, format);
      } catch (TranscodeException e) {
        return request;
      }
    }
  }
}
