package dev.polyglot.bench.load;

import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The load harness: for each scenario and payload, alternates the direct leg and the through-gateway
 * leg, then writes the table of ratios into {@code docs/BENCHMARKS.md}. Run it with
 * {@code bench/run-load.sh [--quick]} from the repository root; {@code --help} lists the options.
 *
 * <p>Per scenario and payload, in this order:
 * <ol>
 *   <li>R rounds of (direct, gateway), each a closed loop of {@code --in-flight} calls (64): warm-up,
 *       then a measured window. Throughput ratio = gateway / direct of the same round; median and
 *       range over the rounds. The gateway JVM's CPU time and allocated bytes are read at the start
 *       and end of each gateway round's window and divided by the calls completed in it.
 *   <li>1 call in flight, direct then gateway: added p50/p99 = gateway minus direct.
 *   <li>An open loop at half the median direct throughput, direct then gateway, latency measured from
 *       each call's intended start (coordinated omission corrected): added p50/p99.
 * </ol>
 * The backends (gRPC and Thrift reference backends, an HTTP/JSON echo service) and the load
 * generator share this JVM; the gateway runs in a child JVM of its own ({@link GatewayNode}).
 */
public final class LoadMain {
  private LoadMain() {}

  /** Durations and counts of one run. */
  /**
   * @param jitWarmupNanos how long each direct target (in this JVM) and each scenario and payload through
   *     a fresh gateway run once before anything is measured, so that both are C2-compiled: with half a
   *     second, the first payload of a fresh gateway still ran partly interpreted (CPU per call 2-4x
   *     that of the next payload)
   */
  record Settings(int rounds, long warmupNanos, long windowNanos, long latencyWarmupNanos, long latencyWindowNanos, int inFlight,
      long jitWarmupNanos) {
    static Settings full() {
      return new Settings(3, ms(800), ms(1200), ms(400), ms(1200), 64, ms(3000));
    }

    static Settings quick() {
      return new Settings(2, ms(500), ms(1000), ms(300), ms(1000), 64, ms(2000));
    }

    private static long ms(long millis) {
      return TimeUnit.MILLISECONDS.toNanos(millis);
    }
  }

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Path doc = Path.of("docs/BENCHMARKS.md");
    Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
    Set<Payload> payloads = EnumSet.allOf(Payload.class);
    List<String> gatewayJvm = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
    for (String a : args) {
      if (a.equals("--quick")) quick = true;
      else if (a.startsWith("--doc=")) doc = Path.of(a.substring(6));
      else if (a.equals("--no-doc")) doc = null;
      else if (a.startsWith("--scenarios=")) scenarios = parseScenarios(a.substring(12));
      else if (a.startsWith("--payloads=")) payloads = parsePayloads(a.substring(11));
      else if (a.startsWith("--gateway-jvm=")) gatewayJvm.addAll(Arrays.asList(a.substring(14).trim().split("\\s+")));
      else {
        System.err.println("""
            usage: bench/run-load.sh [--quick] [--scenarios=GRPC_TO_GRPC,...] [--payloads=B100,KB1,KB16]
                                     [--doc=docs/BENCHMARKS.md | --no-doc] [--gateway-jvm='-XX:...']
              scenarios: %s
              payloads:  %s""".formatted(Arrays.toString(Scenario.values()), Arrays.toString(Payload.values())));
        System.exit(a.equals("--help") ? 0 : 2);
      }
    }
    Settings settings = quick ? Settings.quick() : Settings.full();
    String loadBefore = loadAverage();
    Instant started = Instant.now();
    List<ScenarioResult> results = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Path idlDir = Files.createTempDirectory("polyglot-load-idl");
    List<Path> idlFiles = InteropIdl.copyTo(idlDir);
    Path logDir = Files.createDirectories(Path.of("benchmarks/target/load"));
    try (RunningBackend grpc = ReferenceBackends.startGrpc(0);
        RunningBackend thrift = ReferenceBackends.startThrift(0, ThriftTransport.FRAMED, ThriftEncoding.BINARY);
        HttpEchoBackend http = HttpEchoBackend.start()) {
      Scenario.Backends backends = new Scenario.Backends(grpc.port(), thrift.port(), http.port());
      warmHarness(scenarios, payloads, backends, settings);
      for (GatewayNode.Mode mode : GatewayNode.Mode.values()) {
        List<Scenario> inMode = new ArrayList<>();
        for (Scenario s : scenarios) {
          if (s.mode() != mode) continue;
          if (s.translates() && !GatewayNode.TRANSLATES) skipped.add(s.label());
          else inMode.add(s);
        }
        if (inMode.isEmpty()) continue;
        Path log = logDir.resolve("gateway-" + mode.name().toLowerCase(Locale.ROOT) + ".log");
        System.out.printf("gateway (%s routes) starting; log in %s%n", mode, log);
        try (GatewayNodeProcess gateway = GatewayNodeProcess.start(mode, idlDir, grpc.port(), thrift.port(), gatewayJvm, log)) {
          System.out.printf("gateway idle after %.1f s%n", gateway.awaitIdle(30));
          warmGateway(inMode, payloads, gateway, settings);
          for (Scenario s : inMode) {
            for (Payload p : payloads) results.add(measure(s, p, backends, gateway, settings));
          }
        }
      }
    }
    for (Path f : idlFiles) Files.deleteIfExists(f);
    Files.deleteIfExists(idlDir);
    String loadAfter = loadAverage();
    long seconds = Instant.now().getEpochSecond() - started.getEpochSecond();
    String table = ResultsTable.markdown(results, skipped, settings, quick,
        started.truncatedTo(ChronoUnit.SECONDS).toString(), seconds, loadBefore, loadAfter, String.join(" ", gatewayJvm),
        ("bench/run-load.sh " + String.join(" ", args)).trim());
    System.out.println();
    System.out.println(table);
    if (doc != null) {
      ResultsTable.writeInto(doc, table);
      System.out.println("written into " + doc);
    }
    System.exit(0);
  }

  /**
   * Runs every direct target once before anything is measured: the first scenario would otherwise
   * meet a cold client and backend (JIT, connection set-up) in this JVM, and the gateway leg would
   * look better than it is.
   */
  private static void warmHarness(Set<Scenario> scenarios, Set<Payload> payloads, Scenario.Backends backends, Settings st)
      throws Exception {
    Set<Scenario.Caller> callers = EnumSet.noneOf(Scenario.Caller.class);
    long started = System.nanoTime();
    for (Scenario s : scenarios) {
      if (s.translates() && !GatewayNode.TRANSLATES || !callers.add(s.caller())) continue;
      for (Payload p : payloads) {
        try (LoadTarget d = s.direct(backends, p)) {
          LoadDriver.closedLoop(d, st.inFlight(), 0, st.jitWarmupNanos());
        }
      }
    }
    System.out.printf("harness warmed up in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  /** Sends every scenario's payloads through a fresh gateway once, so that its JIT is not cold for the first one. */
  private static void warmGateway(List<Scenario> scenarios, Set<Payload> payloads, GatewayNodeProcess gateway, Settings st)
      throws Exception {
    long started = System.nanoTime();
    for (Scenario s : scenarios) {
      for (Payload p : payloads) {
        try (LoadTarget g = s.throughGateway(gateway, p)) {
          LoadDriver.closedLoop(g, st.inFlight(), 0, st.jitWarmupNanos());
        } catch (Exception e) {
          // measure() meets the same failure and reports it in the table.
          System.out.printf("warm-up of %s, %s failed: %s%n", s.label(), p.label(), e);
        }
      }
    }
    System.out.printf("gateway warmed up in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  static ScenarioResult measure(Scenario s, Payload p, Scenario.Backends backends, GatewayNodeProcess gateway, Settings st)
      throws Exception {
    System.out.printf("%s, %s:%n", s.label(), p.label());
    String problem = null;
    double[] direct = new double[st.rounds()];
    double[] through = new double[st.rounds()];
    GatewayNodeProcess.Stats used = GatewayNodeProcess.Stats.ZERO;
    long gatewayCalls = 0;
    long directCalls = 0;
    long harnessDirectNanos = 0;
    long harnessGatewayNanos = 0;
    try (LoadTarget d = s.direct(backends, p); LoadTarget g = s.throughGateway(gateway, p)) {
      for (int r = 0; r < st.rounds(); r++) {
        // The first round warms both paths longer: the JIT has not seen this payload yet.
        long warmup = r == 0 ? 2 * st.warmupNanos() : st.warmupNanos();
        HarnessCpu directCpu = new HarnessCpu();
        LoadDriver.Result dr = LoadDriver.closedLoop(d, st.inFlight(), warmup, st.windowNanos(), directCpu);
        WindowStats window = new WindowStats(gateway);
        LoadDriver.Result gr = LoadDriver.closedLoop(g, st.inFlight(), warmup, st.windowNanos(), window);
        used = used.plus(window.used());
        gatewayCalls += gr.calls();
        directCalls += dr.calls();
        harnessDirectNanos += directCpu.used();
        harnessGatewayNanos += window.harnessUsed();
        direct[r] = dr.callsPerSecond();
        through[r] = gr.callsPerSecond();
        problem = firstProblem(problem, dr, "direct", gr, "gateway");
        System.out.printf("  round %d: direct %,.0f/s, gateway %,.0f/s (%.2f×)%n", r + 1, direct[r], through[r], through[r] / direct[r]);
      }
      LoadDriver.Result d1 = LoadDriver.closedLoop(d, 1, st.latencyWarmupNanos(), st.latencyWindowNanos());
      LoadDriver.Result g1 = LoadDriver.closedLoop(g, 1, st.latencyWarmupNanos(), st.latencyWindowNanos());
      problem = firstProblem(problem, d1, "direct @1", g1, "gateway @1");
      System.out.printf("  1 in flight: p50 %s → %s µs, p99 %s → %s µs%n", us(d1.p50()), us(g1.p50()), us(d1.p99()), us(g1.p99()));
      LoadDriver.Result b1 = null;
      try (LoadTarget b = s.backendDirect(backends, p)) {
        if (b != null) {
          b1 = LoadDriver.closedLoop(b, 1, st.latencyWarmupNanos(), st.latencyWindowNanos());
          System.out.printf("  1 in flight, the backend's protocol direct: p50 %s µs, p99 %s µs%n", us(b1.p50()), us(b1.p99()));
        }
      }
      double half = ScenarioResult.median(direct) / 2;
      LoadDriver.Result dh = LoadDriver.openLoop(d, half, st.inFlight(), st.latencyWarmupNanos(), st.latencyWindowNanos());
      LoadDriver.Result gh = LoadDriver.openLoop(g, half, st.inFlight(), st.latencyWarmupNanos(), st.latencyWindowNanos());
      problem = firstProblem(problem, dh, "direct @½", gh, "gateway @½");
      System.out.printf("  at %,.0f/s: p50 %s → %s µs, p99 %s → %s µs (gateway achieved %,.0f/s)%n", half,
          us(dh.p50()), us(gh.p50()), us(dh.p99()), us(gh.p99()), gh.callsPerSecond());
      double calls = Math.max(1, gatewayCalls);
      if (used.cacheHits() + used.cacheMisses() > 0) {
        System.out.printf("  cache: %,d hits, %,d misses in the gateway windows%n", used.cacheHits(), used.cacheMisses());
      }
      return new ScenarioResult(s, p, direct, through, d1, g1, b1, half, dh, gh, gh.callsPerSecond(),
          used.processCpuNanos() / calls, used.allocatedBytes() / calls, used,
          harnessDirectNanos / (double) Math.max(1, directCalls), harnessGatewayNanos / calls, problem);
    } catch (Exception e) {
      System.out.printf("  FAILED: %s%n", e);
      String why = e.getClass().getSimpleName() + ": " + e.getMessage();
      return new ScenarioResult(s, p, direct, through, null, null, null, 0, null, null, 0, 0, 0, used, 0, 0, why);
    }
  }

  /** The gateway's counters, and this JVM's CPU time, at the window's start and end. */
  private static final class WindowStats implements LoadDriver.WindowProbe {
    private final GatewayNodeProcess gateway;
    private final HarnessCpu harness = new HarnessCpu();
    private GatewayNodeProcess.Stats start;
    private GatewayNodeProcess.Stats end;

    WindowStats(GatewayNodeProcess gateway) {
      this.gateway = gateway;
    }

    @Override
    public void windowStarts() throws Exception {
      harness.windowStarts();
      start = gateway.stats();
    }

    @Override
    public void windowEnds() throws Exception {
      end = gateway.stats();
      harness.windowEnds();
    }

    GatewayNodeProcess.Stats used() {
      return end.minus(start);
    }

    long harnessUsed() {
      return harness.used();
    }
  }

  /**
   * This JVM's CPU time over a window: the load generator and the backends (and their GC and JIT),
   * i.e. what the machine spends on a call besides the gateway.
   */
  private static final class HarnessCpu implements LoadDriver.WindowProbe {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private long start;
    private long end;

    @Override
    public void windowStarts() {
      start = OS.getProcessCpuTime();
    }

    @Override
    public void windowEnds() {
      end = OS.getProcessCpuTime();
    }

    long used() {
      return end - start;
    }
  }

  private static String firstProblem(String problem, LoadDriver.Result a, String aName, LoadDriver.Result b, String bName) {
    if (problem != null) return problem;
    if (a.errors() > 0) return aName + ": " + a.errors() + " failed calls, first: " + a.firstError();
    if (b.errors() > 0) return bName + ": " + b.errors() + " failed calls, first: " + b.firstError();
    return null;
  }

  static String us(long nanos) {
    return String.format(Locale.ROOT, "%.0f", nanos / 1000.0);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static Set<Scenario> parseScenarios(String list) {
    return parseNames("--scenarios", list, Scenario.class);
  }

  private static Set<Payload> parsePayloads(String list) {
    return parseNames("--payloads", list, Payload.class);
  }

  /** Exits with a usage message naming the bad name and the good ones. */
  private static <E extends Enum<E>> Set<E> parseNames(String option, String list, Class<E> type) {
    Set<E> s = EnumSet.noneOf(type);
    for (String name : list.split(",")) {
      try {
        s.add(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        System.err.printf("%s: %s (expected: some of %s, comma-separated)%n", option, name.trim(), EnumSet.allOf(type));
        System.exit(2);
      }
    }
    return s;
  }
}
