package dev.polyglot.gateway.route;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendMethod;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.Durations;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.StreamingKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The snapshot compiler: loads the IDL sources into one schema, then compiles each route on its own —
 * resolve both services, check the backend speaks the backend service's IDL, run the compatibility
 * check, pair methods (by name ignoring case and underscores), bind each pair with the translator
 * factory, prepare each backend method, and settle the cache policy.
 *
 * <p>Design note: routes are compiled independently so that one bad route neither blocks the others
 * nor stops serving its own previous compilation: a rejected route is carried over from the previous
 * snapshot when it was there. A route whose inputs (its config, its backend's config, the IDL text)
 * did not change is carried over without recompiling, keeping its generation and so its cache
 * entries. Only non-unary methods are left out of a method table (the core serves unary calls).
 *
 * <p>Not thread-safe: the route table calls it from one thread.
 */
public final class IdlSnapshotCompiler implements SnapshotCompiler {
  /** The method annotation giving a cache time to live, e.g. {@code (cache.ttl = "30s")}. */
  public static final String CACHE_TTL_ANNOTATION = "cache.ttl";

  private final SchemaLoader schemaLoader;
  private final CompatibilityCheck compatibilityCheck;
  private final TranslatorFactory translatorFactory;
  private final BackendProvider backendProvider;
  private final AtomicLong versions = new AtomicLong();

  private IdlSnapshotCompiler(Builder b) {
    this.schemaLoader = b.schemaLoader;
    this.compatibilityCheck = b.compatibilityCheck;
    this.translatorFactory = b.translatorFactory;
    this.backendProvider = Objects.requireNonNull(b.backendProvider, "backendProvider");
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Compilation compile(RouteSources sources, RouteSnapshot previous) {
    long version = versions.incrementAndGet();
    String idlDigest = digest(sources.idl());
    Map<String, CompiledRoute> previousByKey = new HashMap<>();
    for (CompiledRoute r : previous.routes()) previousByKey.put(r.config().service(), r);

    LazySchema schema = new LazySchema(sources.idl());
    List<CompiledRoute> routes = new ArrayList<>();
    List<RouteRejection> rejections = new ArrayList<>();
    Map<String, String> routedBy = new HashMap<>();
    for (Map.Entry<String, RouteConfig> e : sources.routes().entrySet()) {
      String key = e.getKey();
      RouteConfig config = e.getValue();
      BackendConfig backendConfig = sources.backends().get(config.backend());
      CompiledRoute prev = previousByKey.get(key);
      CompiledRoute compiled;
      List<String> problems = new ArrayList<>();
      if (prev != null && prev.config().equals(config) && prev.backendConfig().equals(backendConfig) && prev.inputDigest().equals(idlDigest)) {
        compiled = prev;
      } else {
        compiled = compileRoute(config, backendConfig, sources, schema, idlDigest, version, problems);
      }
      if (compiled != null) {
        String other = routedBy.putIfAbsent(compiled.callerService().qualifiedName(), key);
        if (other != null) {
          problems.add("service: " + compiled.callerService().qualifiedName() + " is already routed by route " + other);
          compiled = null;
        }
      }
      if (compiled == null) {
        rejections.add(new RouteRejection(key, problems));
        // Keep serving what was served, unless another route took the service meanwhile.
        if (prev != null && routedBy.putIfAbsent(prev.callerService().qualifiedName(), key) == null) routes.add(prev);
      } else {
        routes.add(compiled);
      }
    }
    return new Compilation(new RouteSnapshot(version, routes, rejections), rejections);
  }

  private CompiledRoute compileRoute(RouteConfig config, BackendConfig backendConfig, RouteSources sources, LazySchema lazy,
      String idlDigest, long generation, List<String> problems) {
    if (backendConfig == null) {
      problems.add("backend: " + config.backend() + " is not defined (defined: "
          + (sources.backends().isEmpty() ? "none" : String.join(", ", sources.backends().keySet())) + ")");
      return null;
    }
    Schema schema = lazy.get();
    if (schema == null) {
      for (Problem p : lazy.problems) problems.add("idl: " + p);
      return null;
    }
    ServiceDef caller = service(schema, config.service(), "service", problems);
    ServiceDef target = service(schema, config.backendService(), "backend_service", problems);
    if (target != null) {
      IdlKind expected = backendConfig.protocol() == BackendProtocol.GRPC ? IdlKind.PROTO : IdlKind.THRIFT;
      if (target.idl() != expected) {
        problems.add("backend_service: " + target.qualifiedName() + " is a " + kindName(target.idl()) + " service, but backend "
            + backendConfig.name() + " speaks " + backendConfig.protocol().configName() + " (expected: a " + kindName(expected) + " service)");
      }
    }
    Backend backend = null;
    try {
      backend = backendProvider.backend(backendConfig);
    } catch (IllegalArgumentException ex) {
      problems.add("backend: " + ex.getMessage());
    }
    if (caller == null || target == null || backend == null || !problems.isEmpty()) return null;
    boolean passThrough = caller.qualifiedName().equals(target.qualifiedName());
    if (!passThrough) problems.addAll(compatibilityCheck.check(schema, caller, target));

    Map<String, Duration> routeTtl = new HashMap<>();
    for (String m : config.cache().methods()) {
      if (findMethod(caller, m) == null) {
        problems.add("cache.methods: " + m + " is not a method of " + caller.qualifiedName() + " (methods: " + methodNames(caller) + ")");
      } else {
        routeTtl.put(normalize(m), config.cache().ttl());
      }
    }

    List<CompiledRoute.MethodPlan> plans = new ArrayList<>();
    for (MethodDef cm : caller.methods()) {
      if (cm.streaming() != StreamingKind.UNARY) continue;
      MethodDef bm = passThrough ? cm : findMethod(target, cm.name());
      String where = "method " + cm.name() + ": ";
      if (bm == null) {
        problems.add(where + "no method of " + target.qualifiedName() + " matches (expected a method named " + cm.name() + ", ignoring case and underscores)");
        continue;
      }
      MethodTranslation translation = null;
      try {
        translation = translatorFactory.bind(new MethodPair(schema, caller, cm, target, bm, backend.format()));
      } catch (BridgeException ex) {
        for (String reason : ex.reasons()) problems.add(where + reason);
      }
      BackendMethod handle = null;
      try {
        handle = backend.bind(schema, target, bm);
      } catch (IllegalArgumentException ex) {
        problems.add(where + ex.getMessage());
      }
      long ttl = cacheTtl(cm, bm, routeTtl.get(normalize(cm.name())), where, problems);
      if (ttl > 0 && cm.oneway()) {
        problems.add(where + "oneway methods have no reply to cache (expected: remove it from cache.methods or its cache.ttl annotation)");
      }
      if (translation != null && handle != null) plans.add(new CompiledRoute.MethodPlan(cm, bm, handle, translation, ttl));
    }
    if (!problems.isEmpty()) return null;
    return new CompiledRoute(config, backendConfig, backend, schema, caller, target, generation, idlDigest, plans);
  }

  /** The route's ttl wins over the IDL's annotation (caller method first, then backend method). */
  private static long cacheTtl(MethodDef caller, MethodDef backend, Duration routeTtl, String where, List<String> problems) {
    if (routeTtl != null) return routeTtl.toNanos();
    for (MethodDef m : List.of(caller, backend)) {
      var text = m.annotations().get(CACHE_TTL_ANNOTATION);
      if (text.isPresent()) {
        Duration d = Durations.parse(text.get());
        if (d == null) {
          problems.add(where + CACHE_TTL_ANNOTATION + " \"" + text.get() + "\" at " + m.location() + " (expected: " + Durations.EXPECTED + ")");
          return 0;
        }
        return d.toNanos();
      }
    }
    return 0;
  }

  private static ServiceDef service(Schema schema, String name, String key, List<String> problems) {
    try {
      return schema.requireService(name);
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage());
      return null;
    }
  }

  /** Exact name first, else the one method equal ignoring case and underscores. */
  static MethodDef findMethod(ServiceDef service, String name) {
    var exact = service.method(name);
    if (exact.isPresent()) return exact.get();
    String n = normalize(name);
    for (MethodDef m : service.methods()) if (normalize(m.name()).equals(n)) return m;
    return null;
  }

  static String normalize(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static String methodNames(ServiceDef s) {
    List<String> names = new ArrayList<>();
    for (MethodDef m : s.methods()) names.add(m.name());
    return String.join(", ", names);
  }

  private static String kindName(IdlKind kind) {
    return kind == IdlKind.PROTO ? "proto" : "Thrift";
  }

  private static String digest(Map<String, String> idl) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : idl.entrySet()) {
        md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is required of every JVM", e);
    }
  }

  /** Loads the schema at most once per compilation, and only if some route needs it. */
  private final class LazySchema {
    private final Map<String, String> sources;
    private boolean loaded;
    private Schema schema;
    private List<Problem> problems = List.of();

    LazySchema(Map<String, String> sources) {
      this.sources = sources;
    }

    Schema get() {
      if (!loaded) {
        loaded = true;
        try {
          schema = schemaLoader.load(new LinkedHashMap<>(sources));
        } catch (IdlException e) {
          problems = e.problems().stream().sorted().toList();
        }
      }
      return schema;
    }
  }

  /** Not thread-safe. */
  public static final class Builder {
    private SchemaLoader schemaLoader = SchemaLoader.idlLoader();
    private CompatibilityCheck compatibilityCheck = CompatibilityCheck.idlRules();
    private TranslatorFactory translatorFactory = TranslatorFactory.passThroughOnly();
    private BackendProvider backendProvider;

    private Builder() {}

    public Builder schemaLoader(SchemaLoader schemaLoader) {
      this.schemaLoader = Objects.requireNonNull(schemaLoader);
      return this;
    }

    public Builder compatibilityCheck(CompatibilityCheck check) {
      this.compatibilityCheck = Objects.requireNonNull(check);
      return this;
    }

    public Builder translatorFactory(TranslatorFactory factory) {
      this.translatorFactory = Objects.requireNonNull(factory);
      return this;
    }

    /** Required. */
    public Builder backendProvider(BackendProvider provider) {
      this.backendProvider = Objects.requireNonNull(provider);
      return this;
    }

    public IdlSnapshotCompiler build() {
      if (backendProvider == null) throw new IllegalStateException("backendProvider is required: routes cannot be compiled without backend clients");
      return new IdlSnapshotCompiler(this);
    }
  }
}
