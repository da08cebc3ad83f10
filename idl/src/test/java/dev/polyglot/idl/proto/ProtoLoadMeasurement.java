package dev.polyglot.idl.proto;

import dev.polyglot.idl.Schema;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures loading 100 realistic {@code .proto} files: each imports a shared file,
 * {@code google/api/annotations.proto} and {@code google/protobuf/timestamp.proto}, declares 10-15
 * messages of 5-15 fields (scalars, repeated, maps, nested messages, enums) and a service of 10-20
 * rpcs, some with {@code google.api.http} rules. Prints the first load after JVM start (class loading
 * and JIT warm-up included, as a user of {@code polyglot idl check} sees it) and the median of 5 more.
 *
 * <p>Not a JUnit test. Run from the {@code idl} folder after {@code mvn -o -q -pl idl -am test-compile}:
 * <pre>
 * java -cp target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     dev.polyglot.idl.proto.ProtoLoadMeasurement
 * </pre>
 */
public final class ProtoLoadMeasurement {
  private static final String[] SCALARS = {"string", "int32", "int64", "bool", "double", "bytes", "uint32", "sint64", "fixed64", "float"};

  public static void main(String[] args) throws Exception {
    long jvmStart = System.nanoTime();
    Path dir = Files.createTempDirectory("proto-load-measurement");
    try {
      List<Path> files = generate(dir, 100, new Random(42));
      List<Path> importPaths = List.of(dir);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long start = System.nanoTime();
      long startCpu = threads.getCurrentThreadCpuTime();
      Schema first = ProtoLoader.load(files, List.of(), importPaths);
      long firstNanos = System.nanoTime() - start;
      long firstCpu = threads.getCurrentThreadCpuTime() - startCpu;
      long[] more = new long[5];
      long[] moreCpu = new long[5];
      for (int i = 0; i < more.length; i++) {
        long t = System.nanoTime();
        long c = threads.getCurrentThreadCpuTime();
        ProtoLoader.load(files, List.of(), importPaths);
        more[i] = System.nanoTime() - t;
        moreCpu[i] = threads.getCurrentThreadCpuTime() - c;
      }
      Arrays.sort(more);
      Arrays.sort(moreCpu);
      System.out.printf("files: %d generated (+ built-in imports), messages: %d, services: %d, methods: %d%n",
          files.size(), first.structs().size(), first.services().size(),
          first.services().stream().mapToInt(s -> s.methods().size()).sum());
      // CPU time of the loading thread is printed too: on a shared machine wall time mostly measures
      // how long the thread waited for a core.
      System.out.printf("first load after JVM start: %d ms wall, %d ms CPU of the loading thread (generation took %d ms before it)%n",
          firstNanos / 1_000_000, firstCpu / 1_000_000, (start - jvmStart) / 1_000_000);
      System.out.printf("median of 5 further loads: %d ms wall (min %d, max %d), %d ms CPU%n",
          more[2] / 1_000_000, more[0] / 1_000_000, more[4] / 1_000_000, moreCpu[2] / 1_000_000);
      System.out.printf("cores available: %d, system load average: %.1f%n", Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
  }

  static List<Path> generate(Path dir, int count, Random random) throws IOException {
    Path shared = dir.resolve("acme/shared/v1/common.proto");
    Files.createDirectories(shared.getParent());
    Files.writeString(shared, """
        syntax = "proto3";
        package acme.shared.v1;
        import "google/protobuf/timestamp.proto";
        message Money { string currency_code = 1; int64 units = 2; int32 nanos = 3; }
        message PageRequest { int32 page_size = 1; string page_token = 2; }
        message PageInfo { string next_page_token = 1; int32 total = 2; }
        message Audit { string created_by = 1; google.protobuf.Timestamp created_at = 2; map<string, string> labels = 3; }
        enum Region { REGION_UNSPECIFIED = 0; REGION_EU = 1; REGION_US = 2; REGION_APAC = 3; }
        """);
    List<Path> out = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Path file = dir.resolve("acme/svc" + n + "/v1/service" + n + ".proto");
      Files.createDirectories(file.getParent());
      Files.writeString(file, fileText(n, random));
      out.add(file);
    }
    return out;
  }

  private static String fileText(int n, Random random) {
    StringBuilder sb = new StringBuilder();
    sb.append("syntax = \"proto3\";\n\npackage acme.svc").append(n).append(".v1;\n\n")
        .append("import \"acme/shared/v1/common.proto\";\n")
        .append("import \"google/api/annotations.proto\";\n")
        .append("import \"google/protobuf/timestamp.proto\";\n\n")
        .append("enum State {\n  STATE_UNSPECIFIED = 0;\n  STATE_ACTIVE = 1;\n  STATE_PAUSED = 2;\n  STATE_DELETED = 3;\n}\n\n");
    int messages = 10 + random.nextInt(6);
    for (int m = 0; m < messages; m++) {
      sb.append("message Entity").append(m).append(" {\n");
      sb.append("  message Detail {\n    string key = 1;\n    repeated int64 values = 2;\n  }\n");
      sb.append("  enum Kind {\n    KIND_UNSPECIFIED = 0;\n    KIND_A = 1;\n    KIND_B = 2;\n  }\n");
      int fields = 5 + random.nextInt(11);
      for (int f = 1; f <= fields; f++) {
        String type = switch (random.nextInt(10)) {
          case 0 -> "repeated string";
          case 1 -> "map<string, int64>";
          case 2 -> "acme.shared.v1.Money";
          case 3 -> "Detail";
          case 4 -> "repeated Detail";
          case 5 -> "google.protobuf.Timestamp";
          case 6 -> "Kind";
          case 7 -> m > 0 ? "Entity" + (m - 1) : "State";
          default -> SCALARS[random.nextInt(SCALARS.length)];
        };
        sb.append("  ").append(type).append(" field_").append(f).append(" = ").append(f).append(";\n");
      }
      sb.append("  acme.shared.v1.Audit audit = 100;\n}\n\n");
    }
    sb.append("service Service").append(n).append(" {\n");
    int rpcs = 10 + random.nextInt(11);
    for (int r = 0; r < rpcs; r++) {
      int req = random.nextInt(messages);
      int resp = random.nextInt(messages);
      sb.append("  rpc Call").append(r).append("(Entity").append(req).append(") returns (Entity").append(resp).append(")");
      if (r % 3 == 0) {
        sb.append(" {\n    option (google.api.http) = {\n      post: \"/v1/svc").append(n).append("/call").append(r)
            .append("\"\n      body: \"*\"\n      additional_bindings { get: \"/v1/svc").append(n).append("/call").append(r)
            .append("/{field_1}\" }\n    };\n  }\n");
      } else {
        sb.append(";\n");
      }
    }
    sb.append("}\n");
    return sb.toString();
  }
}
