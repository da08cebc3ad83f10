package dev.polyglot.gateway.route;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.ClusterConfig;
import dev.polyglot.gateway.config.Endpoint;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.idl.IdlException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-wide route table: routes, backends and IDL sources in Hazelcast maps, so every member
 * serves the same routes and a joining member receives the IDLs, plus this node's compiled
 * {@link RouteSnapshot}.
 *
 * <p>Design note: the data path never touches Hazelcast. Map entry events (from any member) schedule
 * a recompilation on this node's single compiler thread, debounced so that a burst of changes (a
 * whole configuration applied at start) compiles once; the result is published with one atomic
 * reference swap. Changes made through this API are validated first by compiling a candidate, and
 * refused with the report when they would break a route; changes that arrive from other members
 * are compiled as they are, and a route that no longer compiles keeps serving its previous version.
 *
 * <p>Thread-safe. Mutations through this API are serialized per node; between nodes the last write
 * wins, as in the underlying maps.
 */
public final class RouteTable implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RouteTable.class);
  static final String ROUTES = "polyglot.routes";
  static final String BACKENDS = "polyglot.backends";
  static final String IDL = "polyglot.idl";
  private static final long DEBOUNCE_MILLIS = 20;

  private final HazelcastInstance hazelcast;
  private final IMap<String, RouteConfig> routes;
  private final IMap<String, BackendConfig> backends;
  private final IMap<String, String> idl;
  private final SnapshotCompiler compiler;
  private final SchemaLoader schemaLoader;
  private final AtomicReference<Compilation> current = new AtomicReference<>(new Compilation(RouteSnapshot.EMPTY, List.of()));
  private final ScheduledExecutorService compilerThread;
  private final AtomicBoolean refreshScheduled = new AtomicBoolean();
  /**
   * The sources the published compilation was made from. Read and written on the compiler thread
   * only. A member's own changes come back to it as cluster events after it has already compiled
   * them; comparing with this lets the scheduled refresh skip compiling the same sources twice.
   */
  private RouteSources compiledFrom;
  /** Local mutations in progress (their map writes and their compile); scheduled refreshes wait for them. */
  private final AtomicInteger localChanges = new AtomicInteger();
  private final List<SwapListener> swapListeners = new CopyOnWriteArrayList<>();
  private final Object mutations = new Object();

  /** Told about every swap on the compiler thread, after the new snapshot is published. */
  @FunctionalInterface
  public interface SwapListener {
    void swapped(RouteSnapshot previous, Compilation compilation);
  }

  private RouteTable(HazelcastInstance hazelcast, SnapshotCompiler compiler, SchemaLoader schemaLoader) {
    this.hazelcast = hazelcast;
    this.compiler = compiler;
    this.schemaLoader = schemaLoader;
    this.routes = hazelcast.getMap(ROUTES);
    this.backends = hazelcast.getMap(BACKENDS);
    this.idl = hazelcast.getMap(IDL);
    this.compilerThread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "polyglot-route-compiler");
      t.setDaemon(true);
      return t;
    });
    ChangeListener listener = new ChangeListener();
    routes.addEntryListener(listener, false);
    backends.addEntryListener(listener, false);
    idl.addEntryListener(listener, false);
  }

  /**
   * Starts (or joins) the cluster member and compiles what the cluster already holds.
   *
   * @param schemaLoader validates IDL uploads before they are stored
   */
  public static RouteTable start(ClusterConfig cluster, SnapshotCompiler compiler, SchemaLoader schemaLoader) {
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(hazelcastConfig(cluster));
    try {
      RouteTable table = new RouteTable(hz, Objects.requireNonNull(compiler), Objects.requireNonNull(schemaLoader));
      table.refresh();
      return table;
    } catch (RuntimeException e) {
      hz.shutdown();
      throw e;
    }
  }

  /**
   * A member configured to start fast and stay quiet: no phone-home, no shutdown hook (the gateway
   * stops it), few threads, few partitions, no wait before joining; standalone unless members are
   * given, then TCP-IP join on exactly those addresses.
   */
  static Config hazelcastConfig(ClusterConfig cluster) {
    Config c = new Config();
    c.setClusterName(cluster.name());
    c.setProperty("hazelcast.phone.home.enabled", "false");
    if (System.getProperty("hazelcast.logging.type") == null) c.setProperty("hazelcast.logging.type", "none");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.partition.count", "23");
    c.setProperty("hazelcast.operation.thread.count", "2");
    c.setProperty("hazelcast.operation.generic.thread.count", "1");
    c.setProperty("hazelcast.event.thread.count", "1");
    c.setProperty("hazelcast.io.thread.count", "1");
    c.setProperty("hazelcast.client.engine.thread.count", "1");
    c.setProperty("hazelcast.health.monitoring.level", "OFF");
    c.setProperty("hazelcast.local.localAddress", cluster.host());
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.getJetConfig().setEnabled(false);
    c.getSerializationConfig().getCompactSerializationConfig()
        .addSerializer(new RouteTableSerializers.Routes())
        .addSerializer(new RouteTableSerializers.Backends());
    var network = c.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(cluster.isStandalone());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(!cluster.isStandalone());
    for (Endpoint m : cluster.members()) join.getTcpIpConfig().addMember(m.toString());
    return c;
  }

  /** The snapshot being served. */
  public RouteSnapshot snapshot() {
    return current.get().snapshot();
  }

  /** The latest compilation on this node, with its rejections (the compatibility reports). */
  public Compilation lastCompilation() {
    return current.get();
  }

  /** A reader of {@link #snapshot()} for the data path. */
  public Router router() {
    return new Router(this::snapshot);
  }

  public void addSwapListener(SwapListener listener) {
    swapListeners.add(listener);
  }

  /** What the cluster holds now (reads the maps). */
  public RouteSources sources() {
    return new RouteSources(new HashMap<>(idl), new HashMap<>(backends), new HashMap<>(routes));
  }

  /** Members of the cluster, this one included. */
  public int clusterSize() {
    return hazelcast.getCluster().getMembers().size();
  }

  /**
   * Adds or replaces the route for {@code route.service()}, after checking that it compiles.
   *
   * @throws RouteRejectedException with the route's report; nothing is stored
   */
  public Compilation applyRoute(RouteConfig route) throws RouteRejectedException {
    return locally(() -> {
      RouteSources now = sources();
      Map<String, RouteConfig> next = new HashMap<>(now.routes());
      next.put(route.service(), route);
      requireCompiles(new RouteSources(now.idl(), now.backends(), next), Set.of(route.service()));
      routes.put(route.service(), route);
      return compileOwnChange();
    });
  }

  /** Removes the route of a caller service; false if there was none. */
  public boolean deleteRoute(String service) {
    return locally(() -> {
      boolean removed = routes.remove(service) != null;
      if (removed) compileOwnChange();
      return removed;
    });
  }

  /**
   * Adds or replaces a backend, after checking that the routes using it still compile.
   *
   * @throws RouteRejectedException with the reports of the routes it would break
   */
  public Compilation applyBackend(BackendConfig backend) throws RouteRejectedException {
    return locally(() -> {
      RouteSources now = sources();
      Map<String, BackendConfig> next = new HashMap<>(now.backends());
      next.put(backend.name(), backend);
      requireCompiles(new RouteSources(now.idl(), next, now.routes()), routesUsing(now, backend.name()));
      backends.put(backend.name(), backend);
      return compileOwnChange();
    });
  }

  /**
   * Removes a backend; false if there was none.
   *
   * @throws RouteRejectedException if routes still use it
   */
  public boolean deleteBackend(String name) throws RouteRejectedException {
    return locally(() -> {
      RouteSources now = sources();
      Set<String> users = routesUsing(now, name);
      if (!users.isEmpty()) {
        throw new RouteRejectedException("backend " + name + " is used by routes " + String.join(", ", new java.util.TreeSet<>(users)) + " (expected: delete or change those routes first)");
      }
      boolean removed = backends.remove(name) != null;
      if (removed) compileOwnChange();
      return removed;
    });
  }

  /**
   * Adds or replaces an IDL source, after checking that the IDL set loads and every route that
   * compiles now still compiles.
   *
   * @param name relative file name, e.g. {@code acme/v1/warehouse.proto}; includes resolve among names
   * @throws RouteRejectedException with every IDL problem ({@code file:line:col: message}) or the
   *     reports of the routes it would break
   */
  public Compilation putIdl(String name, String text) throws RouteRejectedException {
    return locally(() -> {
      RouteSources now = sources();
      Map<String, String> next = new HashMap<>(now.idl());
      next.put(name, text);
      requireLoads(next);
      requireCompiles(new RouteSources(next, now.backends(), now.routes()), compilingNow(now));
      idl.put(name, text);
      return compileOwnChange();
    });
  }

  /**
   * Removes an IDL source; false if there was none.
   *
   * @throws RouteRejectedException if the rest does not load or routes would break
   */
  public boolean deleteIdl(String name) throws RouteRejectedException {
    return locally(() -> {
      RouteSources now = sources();
      if (!now.idl().containsKey(name)) return false;
      Map<String, String> next = new HashMap<>(now.idl());
      next.remove(name);
      requireLoads(next);
      requireCompiles(new RouteSources(next, now.backends(), now.routes()), compilingNow(now));
      idl.remove(name);
      compileOwnChange();
      return true;
    });
  }

  /**
   * Stores everything in {@code sources} without validation (entries not named are left alone) and
   * compiles once: how {@code run} loads {@code gateway.yaml}. Rejections are in the result.
   */
  public Compilation seed(RouteSources sources) {
    return locally(() -> {
      idl.putAll(sources.idl());
      backends.putAll(sources.backends());
      routes.putAll(sources.routes());
      return compileOwnChange();
    });
  }

  /** Compiles the current sources now, publishes the snapshot and returns the compilation. */
  public Compilation refresh() {
    return onCompilerThread(() -> compileAndSwap(sources()));
  }

  /**
   * Compiles after a change of this member's own, unless the compiler thread already compiled exactly
   * these sources: a refresh scheduled by an earlier cluster event may run between the map write and
   * this call and pick the change up, and compiling the same sources twice would renew every route's
   * generation (emptying the cache) for nothing.
   */
  private Compilation compileOwnChange() {
    return onCompilerThread(() -> {
      RouteSources now = sources();
      return now.equals(compiledFrom) ? current.get() : compileAndSwap(now);
    });
  }

  /** Runs {@code compile} on the compiler thread (where every compile runs) and waits for it. */
  private Compilation onCompilerThread(Callable<Compilation> compile) {
    try {
      return compilerThread.submit(compile).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling routes", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("route compilation failed", e.getCause());
    }
  }

  /**
   * Runs a change of this member's own (its map writes and its compile) under the mutation lock,
   * counted in {@link #localChanges} so that scheduled refreshes wait for it.
   */
  private <T, E extends Exception> T locally(LocalChange<T, E> change) throws E {
    synchronized (mutations) {
      localChanges.incrementAndGet();
      try {
        return change.run();
      } finally {
        localChanges.decrementAndGet();
      }
    }
  }

  @FunctionalInterface
  private interface LocalChange<T, E extends Exception> {
    T run() throws E;
  }

  private Compilation compileAndSwap(RouteSources sources) {
    Compilation previous = current.get();
    Compilation next = compiler.compile(sources, previous.snapshot());
    compiledFrom = sources;
    current.set(next);
    for (RouteRejection r : next.rejections()) log.warn("{}", r.report());
    for (SwapListener l : swapListeners) {
      try {
        l.swapped(previous.snapshot(), next);
      } catch (RuntimeException e) {
        log.warn("route swap listener failed", e);
      }
    }
    return next;
  }

  private void scheduleRefresh() {
    if (compilerThread.isShutdown()) return;
    if (refreshScheduled.compareAndSet(false, true)) {
      compilerThread.schedule(() -> {
        refreshScheduled.set(false);
        if (localChanges.get() > 0) {
          // A change of this member's own is being written (maybe in several map writes, as a seed
          // is): its own compile follows and reads everything. Look again after that.
          scheduleRefresh();
          return;
        }
        try {
          RouteSources now = sources();
          if (!now.equals(compiledFrom)) compileAndSwap(now);
        } catch (RuntimeException e) {
          log.warn("route compilation failed", e);
        }
      }, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void requireLoads(Map<String, String> sources) throws RouteRejectedException {
    try {
      schemaLoader.load(sources);
    } catch (IdlException e) {
      throw new RouteRejectedException(e.getMessage());
    }
  }

  /** Compiles a candidate on the compiler thread; refuses if any of {@code mustCompile} is rejected. */
  private void requireCompiles(RouteSources candidate, Set<String> mustCompile) throws RouteRejectedException {
    if (mustCompile.isEmpty()) return;
    Compilation c;
    try {
      c = compilerThread.submit(() -> compiler.compile(candidate, snapshot())).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling routes", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("route compilation failed", e.getCause());
    }
    List<RouteRejection> broken = new ArrayList<>();
    for (RouteRejection r : c.rejections()) if (mustCompile.contains(r.route())) broken.add(r);
    if (!broken.isEmpty()) throw new RouteRejectedException(broken);
  }

  private static Set<String> routesUsing(RouteSources sources, String backend) {
    Set<String> out = new HashSet<>();
    for (Map.Entry<String, RouteConfig> e : sources.routes().entrySet()) if (e.getValue().backend().equals(backend)) out.add(e.getKey());
    return out;
  }

  /** Routes that compile in the current compilation: an IDL change must not break them. */
  private Set<String> compilingNow(RouteSources sources) {
    Set<String> out = new HashSet<>(sources.routes().keySet());
    for (RouteRejection r : lastCompilation().rejections()) out.remove(r.route());
    return out;
  }

  /** Leaves the cluster (gracefully: this member's data moves to the others) and stops compiling. */
  @Override
  public void close() {
    compilerThread.shutdownNow();
    try {
      compilerThread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    hazelcast.shutdown();
  }

  private final class ChangeListener implements EntryAddedListener<Object, Object>, EntryUpdatedListener<Object, Object>,
      EntryRemovedListener<Object, Object>, MapClearedListener {
    @Override
    public void entryAdded(EntryEvent<Object, Object> event) {
      scheduleRefresh();
    }

    @Override
    public void entryUpdated(EntryEvent<Object, Object> event) {
      scheduleRefresh();
    }

    @Override
    public void entryRemoved(EntryEvent<Object, Object> event) {
      scheduleRefresh();
    }

    @Override
    public void mapCleared(MapEvent event) {
      scheduleRefresh();
    }
  }
}
