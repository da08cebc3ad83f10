package dev.polyglot.bench.load;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.polyglot.adapters.grpc.client.GrpcBackendFactory;
import dev.polyglot.adapters.grpc.server.GrpcListener;
import dev.polyglot.adapters.http.server.HttpListener;
import dev.polyglot.adapters.thrift.client.ThriftBackendFactory;
import dev.polyglot.adapters.thrift.server.ThriftListener;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.Listener;
import dev.polyglot.gateway.cache.CacheStats;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GrpcListenerConfig;
import dev.polyglot.gateway.config.HttpListenerConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.RouteCacheConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.config.ThriftListenerConfig;
import dev.polyglot.gateway.route.BindingTranslatorFactory;
import dev.polyglot.gateway.route.TranslatorFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway under test, run in its own JVM by {@link GatewayNodeProcess} so that every thread and
 * every byte of that JVM is the gateway's: CPU per call is the process's CPU time (JIT and GC
 * included), allocation per call from {@code getThreadAllocatedBytes} per thread ({@link AllocationCounter}).
 *
 * <p>Usage: {@code GatewayNode <pass|cross|cache> <idl dir> <gRPC backend port> <Thrift backend port>}.
 * Prints {@code @@ready grpc=P thrift=P http=P} once listening, then answers each line on stdin:
 * {@code stats} with {@code @@stats <process cpu ns> <thread cpu ns> <allocated bytes> <cache hits> <cache misses>},
 * {@code quit} by stopping. Lines of the protocol start with {@code @@}; anything else on stdout is log.
 */
public final class GatewayNode {
  /** System property of the child JVM overriding the Thrift backend's {@code pool_size} (default: the config default). */
  static final String THRIFT_POOL_PROPERTY = "polyglot.bench.thriftPoolSize";

  private GatewayNode() {}

  /** Which routes the gateway serves; see {@link #routes}. */
  enum Mode {
    /** Each service to a backend of its own (pass-through for gRPC and Thrift callers). */
    PASS,
    /** Each service to the other protocol's backend: Thrift callers reach gRPC and the reverse. */
    CROSS,
    /** PASS with the proto service's three echo methods cached. */
    CACHE
  }

  public static void main(String[] args) throws Exception {
    // As the gateway's own main does (dev.polyglot.server.Main): netty's leak detector off by default.
    if (System.getProperty("io.grpc.netty.shaded.io.netty.leakDetection.level") == null) {
      System.setProperty("io.grpc.netty.shaded.io.netty.leakDetection.level", "disabled");
    }
    if (args.length != 4) {
      System.err.println("usage: GatewayNode <pass|cross|cache> <idl dir> <gRPC backend port> <Thrift backend port>");
      System.exit(2);
    }
    Mode mode = Mode.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
    Path idl = Path.of(args[1]);
    int grpcPort = Integer.parseInt(args[2]);
    int thriftPort = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    Gateway gateway = start(mode, idl, grpcPort, thriftPort);
    out.println("@@ready grpc=" + port(gateway, "grpc") + " thrift=" + port(gateway, "thrift") + " http=" + port(gateway, "http"));
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    threads.setThreadCpuTimeEnabled(true);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AllocationCounter allocated = new AllocationCounter();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("stats")) {
        long[] ids = threads.getAllThreadIds();
        long cpu = 0;
        for (long c : threads.getThreadCpuTime(ids)) if (c > 0) cpu += c;
        allocated.update(ids, threads.getThreadAllocatedBytes(ids));
        CacheStats cache = gateway.cache().stats();
        out.println("@@stats " + os.getProcessCpuTime() + " " + cpu + " " + allocated.total + " " + cache.hits() + " " + cache.misses());
      } else if (line.equals("quit")) {
        break;
      }
    }
    gateway.stop();
    out.println("@@stopped");
    System.exit(0);
  }

  static Gateway start(Mode mode, Path idlDir, int grpcPort, int thriftPort) throws java.io.IOException {
    BackendConfig grpc = BackendConfig.builder("grpc-backend", BackendProtocol.GRPC).endpoint("127.0.0.1", grpcPort).build();
    BackendConfig.Builder thriftBackend = BackendConfig.builder("thrift-backend", BackendProtocol.THRIFT).endpoint("127.0.0.1", thriftPort);
    // The default pool size is what users get; the property lets a run show what a larger pool changes.
    Integer pool = Integer.getInteger(THRIFT_POOL_PROPERTY);
    if (pool != null) thriftBackend.poolSize(pool);
    BackendConfig thrift = thriftBackend.build();
    GatewayConfig.Builder config = GatewayConfig.builder()
        .baseDirectory(idlDir)
        .idl(idlDir.resolve("interop.thrift"))
        .idl(idlDir.resolve("interop.proto"))
        .listeners(ListenersConfig.NONE)
        .backend(grpc)
        .backend(thrift)
        .shutdownGracePeriod(Duration.ofSeconds(1));
    routes(mode, grpc.name(), thrift.name()).forEach(config::route);
    GatewayConfig c = config.build();
    return Gateway.builder(c)
        .backendFactory(GrpcBackendFactory.of())
        .backendFactory(new ThriftBackendFactory())
        .translatorFactory(translators())
        .listener(GrpcListener.of(GrpcListenerConfig.of("127.0.0.1", 0)))
        .listener(ThriftListener.of(ThriftListenerConfig.of("127.0.0.1", 0, InteropNames.THRIFT_SERVICE)))
        .listener(new HttpListener(HttpListenerConfig.of("127.0.0.1", 0)))
        .build()
        .start();
  }

  static List<RouteConfig> routes(Mode mode, String grpcBackend, String thriftBackend) {
    String thriftService = InteropNames.THRIFT_SERVICE;
    String protoService = InteropNames.PROTO_SERVICE;
    return switch (mode) {
      case PASS -> List.of(RouteConfig.of(thriftService, thriftBackend), RouteConfig.of(protoService, grpcBackend));
      case CROSS -> List.of(
          RouteConfig.builder(thriftService, grpcBackend).backendService(protoService).build(),
          RouteConfig.builder(protoService, thriftBackend).backendService(thriftService).build());
      case CACHE -> List.of(
          RouteConfig.of(thriftService, thriftBackend),
          RouteConfig.builder(protoService, grpcBackend)
              .cache(new RouteCacheConfig(List.of("EchoString", "EchoItem", "EchoBinary"), Duration.ofHours(1)))
              .build());
    };
  }

  /** Whether {@link #translators()} bridges different services and JSON; scenarios that need it are skipped otherwise. */
  static final boolean TRANSLATES = true;

  /** The translators the gateway runs with: the translators' method bindings, as the command line installs them. */
  static TranslatorFactory translators() {
    return new BindingTranslatorFactory();
  }

  private static int port(Gateway gateway, String name) {
    Optional<Listener> l = gateway.listeners().stream().filter(x -> x.name().equals(name)).findFirst();
    return l.map(x -> x.address().getPort()).orElse(0);
  }

  /**
   * A monotonic count of the bytes the JVM's threads allocated, from per-thread counters read at each
   * {@code stats}: the growth of every thread seen before, plus the whole count of threads new since.
   * The plain sum over live threads fell (even below zero per window) when a pool thread ended between
   * two reads; now such a thread's allocation since the previous read is left out instead, so the figure
   * errs low by at most that.
   */
  static final class AllocationCounter {
    private java.util.Map<Long, Long> lastSeen = new java.util.HashMap<>();
    long total;

    void update(long[] ids, long[] allocated) {
      java.util.Map<Long, Long> now = new java.util.HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        if (allocated[i] < 0) continue;
        total += allocated[i] - lastSeen.getOrDefault(ids[i], 0L);
        now.put(ids[i], allocated[i]);
      }
      lastSeen = now;
    }
  }
}
