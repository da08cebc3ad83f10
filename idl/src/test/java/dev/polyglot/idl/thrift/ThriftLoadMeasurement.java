package dev.polyglot.idl.thrift;

import dev.polyglot.idl.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures loading 100 realistic Thrift files, the workload of the "< 1 s after JVM start" target:
 * a {@code shared.thrift} plus 99 service files of about 150-250 lines, each including the shared
 * file and declaring 3 enums, a few constants, 10-15 structs of 5-15 fields (base types, enums,
 * other structs, nested containers, defaults) and a service of 10-20 methods with throws clauses.
 * Prints the first load after JVM start (class loading and JIT included) and the median of 5 more
 * (or of as many as the first argument says).
 *
 * <p>Not a unit test. Run after {@code mvn -o -q -pl idl -am test-compile}:
 * {@code java -cp idl/target/classes:idl/target/test-classes dev.polyglot.idl.thrift.ThriftLoadMeasurement}
 */
public final class ThriftLoadMeasurement {
  private static final String[] BASE = {"bool", "i8", "i16", "i32", "i64", "double", "string", "binary", "uuid"};

  private ThriftLoadMeasurement() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    Path dir = Files.createTempDirectory("thrift-load");
    try {
      List<Path> files = generate(dir, 100, new Random(42));
      long lines = 0;
      for (Path f : files) lines += Files.readAllLines(f).size();
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long process0 = os.getProcessCpuTime();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Schema first = ThriftLoader.load(files, List.of());
      long firstNanos = System.nanoTime() - t0;
      long firstCpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
      long firstProcessNanos = os.getProcessCpuTime() - process0;
      long sinceJvmStart = System.currentTimeMillis() - jvmStart;
      long[] runs = new long[args.length > 0 ? Integer.parseInt(args[0]) : 5];
      long[] cpuRuns = new long[runs.length];
      for (int i = 0; i < runs.length; i++) {
        long c = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        ThriftLoader.load(files, List.of());
        runs[i] = System.nanoTime() - t;
        cpuRuns[i] = threads.getCurrentThreadCpuTime() - c;
      }
      Arrays.sort(runs);
      Arrays.sort(cpuRuns);
      System.out.printf("files: %d, lines: %d, structs: %d (incl. args), enums: %d, services: %d, methods: %d%n",
          files.size(), lines, first.structs().size(), first.enums().size(), first.services().size(),
          first.services().stream().mapToInt(s -> s.methods().size()).sum());
      // Wall time suffers when the machine is shared; the loading thread's CPU time does much less.
      System.out.printf("first load after JVM start: %.1f ms wall, %.1f ms CPU of the loading thread, %.1f ms CPU of the"
          + " whole process incl. JIT and GC (JVM start to end of first load: %d ms)%n",
          firstNanos / 1e6, firstCpuNanos / 1e6, firstProcessNanos / 1e6, sinceJvmStart);
      System.out.printf("median of %d further loads: %.1f ms wall (min %.1f, max %.1f), %.1f ms CPU%n", runs.length,
          runs[runs.length / 2] / 1e6, runs[0] / 1e6, runs[runs.length - 1] / 1e6, cpuRuns[runs.length / 2] / 1e6);
      System.out.printf("load average while measuring: %.2f on %d CPUs%n", os.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static List<Path> generate(Path dir, int count, Random rnd) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(Files.writeString(dir.resolve("shared.thrift"), """
        namespace java dev.polyglot.bench.shared
        const i32 MAX_PAGE = 500
        enum Region { EU, US, APAC }
        typedef string Id
        struct Money {
          1: required string currency = "EUR"
          2: i64 cents
        }
        struct Page {
          1: i32 size = MAX_PAGE
          2: optional string token
        }
        exception NotFound {
          1: string message
          2: Id id
        } (grpc.code = "NOT_FOUND")
        exception Invalid {
          1: string reason
        } (grpc.code = "INVALID_ARGUMENT")
        """));
    for (int n = 1; n < count; n++) {
      StringBuilder sb = new StringBuilder();
      String stem = "svc" + n;
      sb.append("include \"shared.thrift\"\n");
      sb.append("namespace java dev.polyglot.bench.").append(stem).append("\n\n");
      List<String> enums = new ArrayList<>();
      for (int e = 0; e < 3; e++) {
        String name = "Kind" + e;
        enums.add(name);
        sb.append("enum ").append(name).append(" {\n");
        int values = 3 + rnd.nextInt(4);
        for (int v = 0; v < values; v++) {
          sb.append("  ").append(name.toUpperCase()).append("_V").append(v);
          if (v == 1) sb.append(" = 10");
          sb.append(",\n");
        }
        sb.append("}\n\n");
      }
      sb.append("const i32 LIMIT = shared.MAX_PAGE\n");
      sb.append("const Kind0 DEFAULT_KIND = Kind0.KIND0_V0\n");
      sb.append("const list<string> TAGS = [\"a\", \"b\", \"c\"]\n");
      sb.append("const map<string, i32> WEIGHTS = {\"low\": 1, \"high\": 10}\n\n");
      int structs = 10 + rnd.nextInt(6);
      List<String> names = new ArrayList<>();
      for (int s = 0; s < structs; s++) {
        String name = "Record" + s;
        sb.append("/** Record number ").append(s).append(" of ").append(stem).append(". */\n");
        sb.append("struct ").append(name).append(" {\n");
        int fields = 5 + rnd.nextInt(11);
        for (int f = 1; f <= fields; f++) {
          sb.append("  ").append(f).append(": ");
          int r = rnd.nextInt(10);
          if (r == 0) sb.append("required ");
          else if (r < 4) sb.append("optional ");
          String type = fieldType(rnd, enums, names);
          sb.append(type).append(" field").append(f);
          if (type.equals("i32") && rnd.nextBoolean()) sb.append(" = LIMIT");
          else if (type.equals("string") && rnd.nextInt(3) == 0) sb.append(" = \"none\"");
          if (rnd.nextInt(8) == 0) sb.append(" (json.name = \"f").append(f).append("\")");
          sb.append("\n");
        }
        sb.append("}\n\n");
        names.add(name);
      }
      sb.append("service Service").append(n).append(" {\n");
      int methods = 10 + rnd.nextInt(11);
      for (int m = 0; m < methods; m++) {
        String result = m % 5 == 4 ? "void" : names.get(rnd.nextInt(names.size()));
        sb.append("  ").append(result).append(" call").append(m).append("(1: shared.Id id, 2: ")
            .append(names.get(rnd.nextInt(names.size()))).append(" body, 3: shared.Page page)");
        sb.append(" throws (1: shared.NotFound notFound, 2: shared.Invalid invalid)");
        if (m % 3 == 0) sb.append(" (http.post = \"/v1/").append(stem).append("/call").append(m).append("\", http.body = \"body\")");
        sb.append("\n");
      }
      sb.append("}\n");
      files.add(Files.writeString(dir.resolve(stem + ".thrift"), sb));
    }
    return files;
  }

  private static String fieldType(Random rnd, List<String> enums, List<String> structs) {
    int r = rnd.nextInt(12);
    if (r < 6) return BASE[rnd.nextInt(BASE.length)];
    if (r == 6) return enums.get(rnd.nextInt(enums.size()));
    if (r == 7) return structs.isEmpty() ? "shared.Money" : structs.get(rnd.nextInt(structs.size()));
    if (r == 8) return "list<" + BASE[rnd.nextInt(BASE.length)] + ">";
    if (r == 9) return "map<string, list<" + (structs.isEmpty() ? "shared.Money" : structs.get(rnd.nextInt(structs.size()))) + ">>";
    if (r == 10) return "set<string>";
    return "shared.Money";
  }
}
