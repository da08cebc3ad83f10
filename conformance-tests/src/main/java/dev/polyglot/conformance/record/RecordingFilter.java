package dev.polyglot.conformance.record;

import dev.polyglot.conformance.runner.CallerView;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.pipeline.CallFilter;
import dev.polyglot.gateway.pipeline.RoutedCall;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A gateway filter that keeps every call and its reply, as JSON of the caller's view, for a case
 * file. It runs first in the pipeline, so it sees the call before translation and the reply after:
 * in the caller's own format, whatever the backend speaks.
 *
 * <p>Thread-safe. The reply is passed on unchanged whatever happens here: decoding runs when the
 * reply completes, and a call that cannot be decoded is counted in {@link #skipped()} instead of
 * failing the caller. Recording is for test and migration traffic, not for a hot production path.
 */
public final class RecordingFilter implements CallFilter {
  private final Optional<String> service;
  private final List<RecordedCall> calls = new ArrayList<>();
  private final Map<Schema, Map<String, CallerView>> views = new ConcurrentHashMap<>();
  private int skipped;

  /** @param service record only calls addressed to this service (qualified name); empty for all */
  public RecordingFilter(Optional<String> service) {
    this.service = service;
  }

  @Override
  public CompletableFuture<Reply> filter(RoutedCall call, Chain chain) {
    String callerService = call.method().route().callerService().qualifiedName();
    if (service.isPresent() && !service.get().equals(callerService)) return chain.proceed(call);
    return chain.proceed(call).whenComplete((reply, failure) -> {
      if (reply != null) record(call, reply);
    });
  }

  private void record(RoutedCall call, Reply reply) {
    try {
      Schema schema = call.method().route().schema();
      String serviceName = call.method().route().callerService().qualifiedName();
      CallerView view = views.computeIfAbsent(schema, s -> new ConcurrentHashMap<>())
          .computeIfAbsent(serviceName, name -> CallerView.of(schema, name));
      MethodDef method = view.method(call.method().callerMethod().name());
      var request = view.decodeRequest(method, call.call().request(), call.call().format());
      var outcome = view.decodeReply(method, reply);
      synchronized (this) {
        calls.add(new RecordedCall(serviceName, method.name(), request, outcome));
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        skipped++;
      }
    }
  }

  /** The calls recorded so far, in the order their replies arrived. */
  public synchronized List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  /** Calls whose request or reply could not be decoded in the caller's view. */
  public synchronized int skipped() {
    return skipped;
  }
}
