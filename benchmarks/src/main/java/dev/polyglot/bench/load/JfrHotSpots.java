package dev.polyglot.bench.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of the gateway: the methods most often on top of the CPU samples
 * ({@code jdk.ExecutionSample}, self time), the project methods most often anywhere on those stacks
 * (inclusive time), and the allocation sites by sampled weight ({@code jdk.ObjectAllocationSample}),
 * each attributed to its top frame and to the nearest {@code dev.polyglot} frame.
 *
 * <p>Record with {@code bench/run-load.sh --gateway-jvm='-XX:StartFlightRecording=filename=g.jfr,settings=profile' ...},
 * then {@code java -cp benchmarks/target/benchmarks.jar dev.polyglot.bench.load.JfrHotSpots g.jfr [top] [skip seconds]};
 * skipping the first seconds of the recording leaves the gateway's start-up (IDL loading, route
 * compilation, JIT) out of the figures.
 */
public final class JfrHotSpots {
  private static final String PROJECT = "dev.polyglot.";

  private JfrHotSpots() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: JfrHotSpots <recording.jfr> [top (default 20)] [skip seconds (default 0)]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long skipSeconds = args.length > 2 ? Long.parseLong(args[2]) : 0;
    List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
    java.time.Instant first = events.stream().map(RecordedEvent::getStartTime).min(java.util.Comparator.naturalOrder())
        .orElse(java.time.Instant.EPOCH);
    java.time.Instant from = first.plusSeconds(skipSeconds);
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> projectInclusive = new HashMap<>();
    Map<String, Long> allocTop = new HashMap<>();
    Map<String, Long> allocProject = new HashMap<>();
    Map<String, Long> allocClass = new HashMap<>();
    long samples = 0;
    long allocated = 0;
    for (RecordedEvent e : events) {
      if (e.getStartTime().isBefore(from)) continue;
      String type = e.getEventType().getName();
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) continue;
      List<RecordedFrame> frames = st.getFrames();
      if (type.equals("jdk.ExecutionSample")) {
        samples++;
        self.merge(name(frames.get(0)), 1L, Long::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RecordedFrame f : frames) {
          String n = name(f);
          if (n.startsWith(PROJECT) && seen.add(n)) projectInclusive.merge(n, 1L, Long::sum);
        }
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        long w = e.getLong("weight");
        allocated += w;
        allocTop.merge(name(frames.get(0)), w, Long::sum);
        allocClass.merge(e.getClass("objectClass").getName(), w, Long::sum);
        for (RecordedFrame f : frames) {
          String n = name(f);
          if (n.startsWith(PROJECT)) {
            allocProject.merge(n + ":" + f.getLineNumber(), w, Long::sum);
            break;
          }
        }
      }
    }
    print("CPU samples, self (top frame)", self, samples, top);
    print("CPU samples, inclusive, project methods", projectInclusive, samples, top);
    print("allocation by sampled weight, top frame", allocTop, allocated, top);
    print("allocation by sampled weight, nearest project frame", allocProject, allocated, top);
    print("allocation by sampled weight, class", allocClass, allocated, top);
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Long> counts, long total, int top) {
    System.out.printf("%n== %s (total %,d)%n", title, total);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(en -> System.out.printf("%6.1f%%  %s%n", 100.0 * en.getValue() / Math.max(1, total), en.getKey()));
  }
}
