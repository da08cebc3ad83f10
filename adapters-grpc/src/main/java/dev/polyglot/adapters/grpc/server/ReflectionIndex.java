package dev.polyglot.adapters.grpc.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.polyglot.gateway.route.CompiledRoute;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What server reflection answers from, for one route snapshot: the proto files of the routes'
 * schemas (with the files they import) and of the gateway's own health and reflection services, built
 * into protobuf-java {@link FileDescriptor}s, indexed by file name, symbol and extension. Immutable.
 *
 * <p>Files are keyed by the name in their {@code FileDescriptorProto} (the import path, e.g.
 * {@code acme/v1/warehouse.proto}), which is what {@code import} statements and reflection clients use.
 * When routes were compiled against different versions of one file, the first route's version wins.
 */
final class ReflectionIndex {
  private static final Logger log = LoggerFactory.getLogger(ReflectionIndex.class);

  static final String HEALTH_SERVICE = "grpc.health.v1.Health";
  static final String REFLECTION_V1_SERVICE = "grpc.reflection.v1.ServerReflection";
  static final String REFLECTION_V1ALPHA_SERVICE = "grpc.reflection.v1alpha.ServerReflection";

  /** v1alpha is deprecated upstream and served on purpose: older tools (and grpcurl's fallback) still ask for it. */
  @SuppressWarnings("deprecation")
  private static final List<FileDescriptor> OWN_FILES = List.of(
      io.grpc.health.v1.HealthProto.getDescriptor(),
      io.grpc.reflection.v1.ServerReflectionProto.getDescriptor(),
      io.grpc.reflection.v1alpha.ServerReflectionProto.getDescriptor());

  final RouteSnapshot snapshot;
  private final List<String> services;
  private final Map<String, FileDescriptor> files;
  private final Map<FileDescriptor, ByteString> bytes;
  private final Map<String, FileDescriptor> symbols;
  private final Set<String> messages;
  /** Containing message type → extension number → declaring file. */
  private final Map<String, Map<Integer, FileDescriptor>> extensions;

  private ReflectionIndex(RouteSnapshot snapshot, List<String> services, Map<String, FileDescriptor> files, Map<FileDescriptor, ByteString> bytes,
      Map<String, FileDescriptor> symbols, Set<String> messages, Map<String, Map<Integer, FileDescriptor>> extensions) {
    this.snapshot = snapshot;
    this.services = services;
    this.files = files;
    this.bytes = bytes;
    this.symbols = symbols;
    this.messages = messages;
    this.extensions = extensions;
  }

  static ReflectionIndex of(RouteSnapshot snapshot) {
    Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
    Map<String, FileDescriptor> built = new LinkedHashMap<>();
    for (FileDescriptor own : OWN_FILES) addBuilt(own, built);
    Set<String> services = new TreeSet<>(List.of(HEALTH_SERVICE, REFLECTION_V1_SERVICE, REFLECTION_V1ALPHA_SERVICE));
    // Routes compiled together share one schema: read each schema's files once.
    Set<Schema> schemas = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CompiledRoute route : snapshot.routes()) {
      if (RouteHandlerRegistry.isGrpcCallable(route)) services.add(route.callerService().qualifiedName());
      if (!schemas.add(route.schema())) continue;
      for (IdlFile f : route.schema().files()) {
        if (f.idl() != IdlKind.PROTO || f.descriptor() == null) continue;
        try {
          FileDescriptorProto proto = FileDescriptorProto.parseFrom(f.descriptor());
          protos.putIfAbsent(proto.getName(), proto);
        } catch (InvalidProtocolBufferException e) {
          log.warn("reflection: the descriptor of {} does not parse; leaving it out", f.path(), e);
        }
      }
    }
    Set<String> failed = new HashSet<>();
    for (String name : protos.keySet()) build(name, protos, built, failed, new HashSet<>());
    Map<FileDescriptor, ByteString> bytes = new HashMap<>();
    Map<String, FileDescriptor> symbols = new HashMap<>();
    Set<String> messages = new HashSet<>();
    Map<String, Map<Integer, FileDescriptor>> extensions = new HashMap<>();
    for (FileDescriptor fd : built.values()) {
      bytes.put(fd, fd.toProto().toByteString());
      for (ServiceDescriptor s : fd.getServices()) {
        symbols.putIfAbsent(s.getFullName(), fd);
        for (MethodDescriptor m : s.getMethods()) symbols.putIfAbsent(m.getFullName(), fd);
      }
      for (Descriptor m : fd.getMessageTypes()) indexMessage(m, fd, symbols, messages, extensions);
      for (EnumDescriptor e : fd.getEnumTypes()) symbols.putIfAbsent(e.getFullName(), fd);
      for (FieldDescriptor x : fd.getExtensions()) indexExtension(x, fd, symbols, extensions);
    }
    return new ReflectionIndex(snapshot, List.copyOf(services), Map.copyOf(built), bytes, symbols, messages, extensions);
  }

  private static void addBuilt(FileDescriptor fd, Map<String, FileDescriptor> built) {
    for (FileDescriptor dep : fd.getDependencies()) addBuilt(dep, built);
    built.putIfAbsent(fd.getName(), fd);
  }

  /** Builds {@code name} after its dependencies; a file that cannot be built is left out with its dependents. */
  private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos, Map<String, FileDescriptor> built, Set<String> failed,
      Set<String> visiting) {
    FileDescriptor done = built.get(name);
    if (done != null) return done;
    FileDescriptorProto proto = protos.get(name);
    if (proto == null || failed.contains(name) || !visiting.add(name)) return null;
    List<FileDescriptor> deps = new ArrayList<>();
    for (String dep : proto.getDependencyList()) {
      FileDescriptor d = build(dep, protos, built, failed, visiting);
      if (d == null) {
        log.warn("reflection: {} imports {}, which is not available; leaving it out", name, dep);
        failed.add(name);
        return null;
      }
      deps.add(d);
    }
    try {
      FileDescriptor fd = FileDescriptor.buildFrom(proto, deps.toArray(new FileDescriptor[0]));
      built.put(name, fd);
      return fd;
    } catch (DescriptorValidationException e) {
      log.warn("reflection: {} does not build: {}; leaving it out", name, e.getMessage());
      failed.add(name);
      return null;
    }
  }

  private static void indexMessage(Descriptor m, FileDescriptor fd, Map<String, FileDescriptor> symbols, Set<String> messages,
      Map<String, Map<Integer, FileDescriptor>> extensions) {
    symbols.putIfAbsent(m.getFullName(), fd);
    messages.add(m.getFullName());
    for (Descriptor nested : m.getNestedTypes()) indexMessage(nested, fd, symbols, messages, extensions);
    for (EnumDescriptor e : m.getEnumTypes()) symbols.putIfAbsent(e.getFullName(), fd);
    for (FieldDescriptor x : m.getExtensions()) indexExtension(x, fd, symbols, extensions);
  }

  private static void indexExtension(FieldDescriptor x, FileDescriptor fd, Map<String, FileDescriptor> symbols,
      Map<String, Map<Integer, FileDescriptor>> extensions) {
    symbols.putIfAbsent(x.getFullName(), fd);
    extensions.computeIfAbsent(x.getContainingType().getFullName(), k -> new TreeMap<>()).putIfAbsent(x.getNumber(), fd);
  }

  /** Routed proto services plus health and reflection, sorted. */
  List<String> services() {
    return services;
  }

  /** The file and every file it imports, transitively, the file first; empty when unknown. */
  List<ByteString> fileWithDependencies(String fileName) {
    FileDescriptor fd = files.get(fileName);
    return fd == null ? List.of() : withDependencies(fd);
  }

  /** Like {@link #fileWithDependencies} for the file declaring a service, method, message, enum or extension. */
  List<ByteString> fileContainingSymbol(String symbol) {
    FileDescriptor fd = symbols.get(symbol);
    return fd == null ? List.of() : withDependencies(fd);
  }

  List<ByteString> fileContainingExtension(String containingType, int number) {
    Map<Integer, FileDescriptor> byNumber = extensions.get(containingType);
    FileDescriptor fd = byNumber == null ? null : byNumber.get(number);
    return fd == null ? List.of() : withDependencies(fd);
  }

  /** Whether {@code fullName} is a known message type (extensions are asked of messages only). */
  boolean isMessage(String fullName) {
    return messages.contains(fullName);
  }

  List<Integer> extensionNumbers(String containingType) {
    Map<Integer, FileDescriptor> byNumber = extensions.get(containingType);
    return byNumber == null ? List.of() : List.copyOf(byNumber.keySet());
  }

  private List<ByteString> withDependencies(FileDescriptor root) {
    List<ByteString> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<FileDescriptor> queue = new ArrayDeque<>();
    queue.add(root);
    seen.add(root.getName());
    while (!queue.isEmpty()) {
      FileDescriptor fd = queue.poll();
      out.add(bytes.get(fd));
      for (FileDescriptor dep : fd.getDependencies()) if (seen.add(dep.getName())) queue.add(dep);
    }
    return out;
  }
}
