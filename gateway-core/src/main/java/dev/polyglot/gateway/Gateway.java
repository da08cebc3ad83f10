package dev.polyglot.gateway;

import dev.polyglot.gateway.cache.ResponseCache;
import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendFactory;
import dev.polyglot.gateway.config.Durations;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.pipeline.CallDispatcher;
import dev.polyglot.gateway.pipeline.CallFilter;
import dev.polyglot.gateway.pipeline.CallPipeline;
import dev.polyglot.gateway.route.BindingTranslatorFactory;
import dev.polyglot.gateway.route.Compilation;
import dev.polyglot.gateway.route.CompatibilityCheck;
import dev.polyglot.gateway.route.CompiledRoute;
import dev.polyglot.gateway.route.IdlSnapshotCompiler;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.gateway.route.RouteSources;
import dev.polyglot.gateway.route.RouteTable;
import dev.polyglot.gateway.route.Router;
import dev.polyglot.gateway.route.SchemaLoader;
import dev.polyglot.gateway.route.TranslatorFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway node: owns the route table (and its cluster member), the compiled snapshot, the
 * response cache, the backend clients, the call pipeline and the listeners.
 *
 * <p>Lifecycle: {@link #start()} joins the route table, stores the configuration's IDLs, backends and
 * routes in it, compiles, then starts the listeners. {@link #stop()} stops accepting, lets calls in
 * flight finish up to the configured grace period, then closes listeners, backends and the cluster
 * member. Start and stop are called once each, from one thread; everything else is thread-safe.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final GatewayConfig config;
  private final List<Listener> listeners;
  private final List<CallFilter> filters;
  private final BackendRegistry backends;
  private final IdlSnapshotCompiler compiler;
  private final SchemaLoader schemaLoader;
  private final ResponseCache cache;
  private final ScheduledExecutorService closer;
  private RouteTable routeTable;
  private CallPipeline pipeline;
  private volatile boolean stopped;

  private Gateway(Builder b) {
    this.config = b.config;
    this.listeners = List.copyOf(b.listeners);
    this.filters = List.copyOf(b.filters);
    this.backends = new BackendRegistry(b.backendFactories);
    this.schemaLoader = b.schemaLoader;
    this.compiler = IdlSnapshotCompiler.builder()
        .schemaLoader(b.schemaLoader)
        .compatibilityCheck(b.compatibilityCheck)
        .translatorFactory(b.translatorFactory)
        .backendProvider(backends)
        .build();
    ResponseCache.Builder cb = ResponseCache.builder(config.cache().maxBytes());
    if (b.cacheNanoTime != null) cb.nanoTime(b.cacheNanoTime);
    this.cache = cb.build();
    this.closer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "polyglot-backend-closer");
      t.setDaemon(true);
      return t;
    });
  }

  public static Builder builder(GatewayConfig config) {
    return new Builder(config);
  }

  /**
   * Joins the route table, loads the configuration into it and starts the listeners.
   *
   * @throws IOException when an IDL file cannot be read or a listener cannot bind (everything started
   *     so far is stopped again)
   */
  public Gateway start() throws IOException {
    long started = System.nanoTime();
    routeTable = RouteTable.start(config.cluster(), compiler, schemaLoader);
    log.info("route table: {} cluster member(s), joined in {} ms", routeTable.clusterSize(), (System.nanoTime() - started) / 1_000_000);
    routeTable.addSwapListener(this::swapped);
    pipeline = new CallPipeline(routeTable.router(), filters, cache);
    try {
      Map<String, RouteConfig> routes = new LinkedHashMap<>();
      for (RouteConfig r : config.routes()) routes.put(r.service(), r);
      Compilation c = routeTable.seed(new RouteSources(IdlFiles.read(config), config.backends(), routes));
      for (CompiledRoute r : c.snapshot().routes()) log.info("route {}", r);
      for (Listener l : listeners) {
        l.start(pipeline);
        log.info("{} listener on {}", l.name(), l.address());
      }
    } catch (IOException | RuntimeException e) {
      stop();
      throw e;
    }
    return this;
  }

  /** Evicts replies of recompiled or removed routes; retires backend clients no route uses. */
  private void swapped(RouteSnapshot previous, Compilation next) {
    Set<Long> live = new HashSet<>();
    for (CompiledRoute r : next.snapshot().routes()) live.add(r.generation());
    List<Long> dead = new ArrayList<>();
    for (CompiledRoute r : previous.routes()) if (!live.contains(r.generation())) dead.add(r.generation());
    cache.invalidateGenerations(dead);
    // Calls in flight on the previous snapshot may still use a retired client: close it after the grace period.
    for (Backend b : backends.retireUnused(next.snapshot())) {
      if (!closer.isShutdown()) closer.schedule(b::close, config.shutdownGracePeriod().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  public GatewayConfig config() {
    return config;
  }

  /** Apply/delete routes, backends and IDLs (the admin API); valid after {@link #start()}. */
  public RouteTable routeTable() {
    return routeTable;
  }

  public Router router() {
    return routeTable.router();
  }

  /** What listeners call; also usable in-process. Valid after {@link #start()}. */
  public CallDispatcher dispatcher() {
    return pipeline;
  }

  public ResponseCache cache() {
    return cache;
  }

  public List<Listener> listeners() {
    return listeners;
  }

  /**
   * Graceful stop: listeners stop accepting, calls in flight get up to the grace period, then
   * listeners, backend clients and the cluster member are closed. Idempotent.
   */
  public void stop() {
    if (stopped) return;
    stopped = true;
    long started = System.nanoTime();
    for (Listener l : listeners) l.stopAccepting();
    if (pipeline != null) {
      try {
        Duration grace = config.shutdownGracePeriod();
        log.info("stopping: no new calls; {} in flight get up to {} to finish", pipeline.inFlight(), Durations.format(grace));
        if (!pipeline.drain(grace)) log.warn("{} calls still in flight after the grace period of {}", pipeline.inFlight(), Durations.format(grace));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Listener l : listeners) l.close();
    closer.shutdownNow();
    if (routeTable != null) routeTable.close();
    for (Backend b : backends.removeAll()) b.close();
    log.info("stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  @Override
  public void close() {
    stop();
  }

  /** Not thread-safe. */
  public static final class Builder {
    private final GatewayConfig config;
    private final List<Listener> listeners = new ArrayList<>();
    private final List<CallFilter> filters = new ArrayList<>();
    private final List<BackendFactory> backendFactories = new ArrayList<>();
    private SchemaLoader schemaLoader = SchemaLoader.idlLoader();
    private CompatibilityCheck compatibilityCheck = CompatibilityCheck.idlRules();
    private TranslatorFactory translatorFactory = new BindingTranslatorFactory();
    private LongSupplier cacheNanoTime;

    private Builder(GatewayConfig config) {
      this.config = Objects.requireNonNull(config);
    }

    /** A backend client factory for one protocol (one per protocol; a later one replaces an earlier one). */
    public Builder backendFactory(BackendFactory factory) {
      backendFactories.add(Objects.requireNonNull(factory));
      return this;
    }

    public Builder listener(Listener listener) {
      listeners.add(Objects.requireNonNull(listener));
      return this;
    }

    /** Runs before translation, in the order added. */
    public Builder filter(CallFilter filter) {
      filters.add(Objects.requireNonNull(filter));
      return this;
    }

    public Builder schemaLoader(SchemaLoader loader) {
      this.schemaLoader = Objects.requireNonNull(loader);
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

    /** The cache's clock (tests); default {@link System#nanoTime()}. */
    public Builder cacheNanoTime(LongSupplier nanoTime) {
      this.cacheNanoTime = nanoTime;
      return this;
    }

    public Gateway build() {
      return new Gateway(this);
    }
  }
}
