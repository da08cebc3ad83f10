package dev.polyglot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cross-check of the JMH ratios for a shared, overloaded machine: the same benchmark methods,
 * timed by the CPU time of the measuring thread instead of the wall clock, with ours and the
 * baseline alternating in short rounds so that both see the same conditions (cache pressure from
 * neighbours, frequency changes). Wall-clock throughput on a machine with a load average several
 * times its core count mostly measures how long the thread waited for a core; thread CPU time does
 * much less. This is not a replacement for JMH (no forking, no blackhole beyond a checksum); it
 * exists so that a ratio in {@code docs/BENCHMARKS.md} can be checked when JMH's error bars are
 * wide.
 *
 * <p>Each pair: the benchmark states are set up exactly as JMH does (so the same equivalence checks
 * run), both methods are warmed for {@code warmupSeconds}, then {@code rounds} rounds each time a
 * batch of ours and a batch of the baseline (about 20 ms of CPU each). Printed: the median CPU ns/op
 * of each side, and the median over the rounds of the per-round ratio (baseline / ours), which pairs
 * two adjacent batches and so cancels slow drifts in what the neighbours do to caches and cores.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.polyglot.bench.CpuTimeComparison [warmupSeconds=3] [rounds=41]
 * </pre>
 */
public final class CpuTimeComparison {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static long checksum;

  private CpuTimeComparison() {}

  /** One measured operation; returns its output so the work cannot be optimized away. */
  private interface Op {
    byte[] run() throws Exception;
  }

  private record Pair(String label, String size, Op ours, Op baseline) {}

  public static void main(String[] args) throws Exception {
    double warmupSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 41;
    List<Pair> pairs = new ArrayList<>();
    for (String size : new String[] {"SMALL", "ORDER", "LARGE"}) {
      ProtoJsonBenchmark json = new ProtoJsonBenchmark();
      json.size = size;
      json.setUp();
      pairs.add(new Pair("JSON → protobuf", size, json::jsonToProtobufTranscoder, json::jsonToProtobufJsonFormat));
      pairs.add(new Pair("protobuf → JSON", size, json::protobufToJsonTranscoder, json::protobufToJsonJsonFormat));
      ThriftToProtobufBenchmark thrift = new ThriftToProtobufBenchmark();
      thrift.size = size;
      thrift.setUp();
      pairs.add(new Pair("Thrift binary → protobuf", size, thrift::transcoder, thrift::libthriftTreeThenDynamicMessage));
    }
    System.out.printf("%n%-26s %-6s %14s %14s %13s %13s%n", "pair", "size", "ours CPU ns/op", "base CPU ns/op", "ratio of med.", "median ratio");
    for (Pair p : pairs) {
      int batch = warm(p, warmupSeconds);
      long[] ours = new long[rounds];
      long[] base = new long[rounds];
      double[] ratios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ours[r] = cpuNanosPerOp(p.ours, batch);
        base[r] = cpuNanosPerOp(p.baseline, batch);
        ratios[r] = (double) base[r] / Math.max(1, ours[r]);
      }
      Arrays.sort(ours);
      Arrays.sort(base);
      Arrays.sort(ratios);
      long o = ours[rounds / 2];
      long b = base[rounds / 2];
      System.out.printf("%-26s %-6s %,14d %,14d %12.1f× %12.1f×%n", p.label, p.size, o, b, (double) b / o, ratios[rounds / 2]);
    }
    System.out.printf("(checksum %d; load average %.2f on %d CPUs)%n", checksum,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
  }

  /** Runs both sides for the warm-up time; returns a batch size of about 20 ms of the baseline's CPU. */
  private static int warm(Pair p, double seconds) throws Exception {
    long until = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < until) {
      cpuNanosPerOp(p.ours, 50);
      cpuNanosPerOp(p.baseline, 50);
    }
    long perOp = Math.max(1, cpuNanosPerOp(p.baseline, 200));
    return (int) Math.max(20, Math.min(1_000_000, 20_000_000L / perOp));
  }

  private static long cpuNanosPerOp(Op op, int batch) throws Exception {
    long sum = 0;
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < batch; i++) sum += op.run().length;
    long cpu = THREADS.getCurrentThreadCpuTime() - start;
    checksum += sum;
    return cpu / batch;
  }
}
