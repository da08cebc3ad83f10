package dev.polyglot.gateway.pipeline;

import com.google.protobuf.CodedOutputStream;
import dev.polyglot.gateway.cache.ResponseCache;
import dev.polyglot.gateway.call.Call;
import dev.polyglot.gateway.call.Deadline;
import dev.polyglot.gateway.call.Metadata;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.route.CallTranslator;
import dev.polyglot.gateway.route.Compilation;
import dev.polyglot.gateway.route.IdlSnapshotCompiler;
import dev.polyglot.gateway.route.MethodTranslation;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.gateway.route.RouteSources;
import dev.polyglot.gateway.route.Router;
import dev.polyglot.gateway.testing.FieldOrderCanonicalizer;
import dev.polyglot.gateway.testing.InProcessBackend;
import dev.polyglot.gateway.testing.InProcessBackendFactory;
import dev.polyglot.gateway.testing.ServiceListSchemaLoader;
import dev.polyglot.translate.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pipeline over real compiled routes and an in-process gRPC-format backend, with a manual cache
 * clock. The backend answers each call with a protobuf message whose field 1 is the call's number
 * (1, 2, ...) and field 2 echoes the request, so a test can tell a cached reply from a fresh one.
 */
final class PipelineFixture {
  static final String IDL = "proto acme.v1.WarehouseService: GetItem, ListItems, Ping oneway\nproto acme.v1.OrderService: GetOrder\n";
  static final BackendConfig BACKEND = BackendConfig.builder("new-grpc", BackendProtocol.GRPC).endpoint("127.0.0.1", 50061).build();

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final AtomicInteger replies = new AtomicInteger();
  final InProcessBackendFactory clients = new InProcessBackendFactory(BackendProtocol.GRPC, WireFormat.PROTOBUF,
      (method, request) -> Reply.ok(WireFormat.PROTOBUF, message(1, replies.incrementAndGet(), request)));
  final Map<BackendConfig, InProcessBackend> shared = new HashMap<>();
  final IdlSnapshotCompiler compiler = IdlSnapshotCompiler.builder()
      .schemaLoader(new ServiceListSchemaLoader())
      .translatorFactory(pair -> MethodTranslation.of(CallTranslator.passThrough(), new FieldOrderCanonicalizer()))
      .backendProvider(c -> shared.computeIfAbsent(c, k -> (InProcessBackend) clients.create(k)))
      .build();
  final AtomicReference<RouteSnapshot> current = new AtomicReference<>(RouteSnapshot.EMPTY);
  final ResponseCache cache;
  final CallPipeline pipeline;

  PipelineFixture(long cacheBytes, List<CallFilter> filters) {
    cache = ResponseCache.builder(cacheBytes).nanoTime(nanos::get).executor(Runnable::run).build();
    pipeline = new CallPipeline(new Router(current::get), filters, cache);
  }

  /** Compiles the route and serves the result; returns the compilation. */
  Compilation serve(RouteConfig route) {
    Compilation c = compiler.compile(new RouteSources(Map.of("warehouse.proto", IDL), Map.of(BACKEND.name(), BACKEND), Map.of(route.service(), route)), current.get());
    current.set(c.snapshot());
    return c;
  }

  /** Compiles several routes together (one compilation, as a gateway start does) and serves them. */
  Compilation serveAll(RouteConfig... routes) {
    Map<String, RouteConfig> byService = new java.util.LinkedHashMap<>();
    for (RouteConfig r : routes) byService.put(r.service(), r);
    Compilation c = compiler.compile(new RouteSources(Map.of("warehouse.proto", IDL), Map.of(BACKEND.name(), BACKEND), byService), current.get());
    current.set(c.snapshot());
    return c;
  }

  InProcessBackend backend() {
    return shared.get(BACKEND);
  }

  Reply call(String method, byte[] request) {
    return call("acme.v1.WarehouseService", method, request, Metadata.EMPTY);
  }

  Reply call(String service, String method, byte[] request, Metadata metadata) {
    return pipeline.dispatch(pipeline.router().resolve(service, method),
        new Call(service, method, WireFormat.PROTOBUF, request, Deadline.NONE, metadata)).join();
  }

  /** A protobuf message with a varint field and a bytes field. */
  static byte[] message(int varintField, long value, byte[] bytesField) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeUInt64(varintField, value);
      out.writeByteArray(2, bytesField);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code sku = 1; color = 2}, written in either field order. */
  static byte[] itemRequest(long sku, String color, boolean colorFirst) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      if (colorFirst) out.writeString(2, color);
      out.writeUInt64(1, sku);
      if (!colorFirst) out.writeString(2, color);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
