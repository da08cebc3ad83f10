package dev.polyglot.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link GatewayNode} child JVM started with this JVM's {@code java} and class path; the parent
 * talks to it over its stdin/stdout. Its stderr (the gateway's log) goes to a file.
 *
 * <p>Not thread-safe: one caller thread at a time.
 */
final class GatewayNodeProcess implements AutoCloseable {
  /** Counters of the gateway JVM at one instant. */
  record Stats(long processCpuNanos, long threadCpuNanos, long allocatedBytes, long cacheHits, long cacheMisses) {
    Stats minus(Stats earlier) {
      return new Stats(processCpuNanos - earlier.processCpuNanos, threadCpuNanos - earlier.threadCpuNanos,
          allocatedBytes - earlier.allocatedBytes, cacheHits - earlier.cacheHits, cacheMisses - earlier.cacheMisses);
    }

    Stats plus(Stats other) {
      return new Stats(processCpuNanos + other.processCpuNanos, threadCpuNanos + other.threadCpuNanos,
          allocatedBytes + other.allocatedBytes, cacheHits + other.cacheHits, cacheMisses + other.cacheMisses);
    }

    static final Stats ZERO = new Stats(0, 0, 0, 0, 0);
  }

  private final Process process;
  private final PrintStream commands;
  /** The child's protocol lines without their {@code @@}, filled by a reader thread. */
  private final BlockingQueue<String> replies;
  final int grpcPort;
  final int thriftPort;
  final int httpPort;

  private GatewayNodeProcess(Process process, BlockingQueue<String> replies, int grpcPort, int thriftPort, int httpPort) {
    this.process = process;
    this.replies = replies;
    this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.grpcPort = grpcPort;
    this.thriftPort = thriftPort;
    this.httpPort = httpPort;
  }

  /**
   * Starts the child and waits for it to listen.
   *
   * @param jvmOptions extra options for the child JVM (heap, JFR)
   * @throws IOException when it does not become ready within a minute; the log file says why
   */
  static GatewayNodeProcess start(GatewayNode.Mode mode, Path idlDir, int grpcBackendPort, int thriftBackendPort,
      List<String> jvmOptions, Path log) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GatewayNode.class.getName());
    command.add(mode.name().toLowerCase(java.util.Locale.ROOT));
    command.add(idlDir.toString());
    command.add(Integer.toString(grpcBackendPort));
    command.add(Integer.toString(thriftBackendPort));
    Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) if (line.startsWith("@@")) lines.add(line.substring(2));
      } catch (IOException e) {
        // the child went away; the caller's next poll times out and says so
      }
    }, "gateway-node-stdout");
    reader.setDaemon(true);
    reader.start();
    String ready = lines.poll(90, TimeUnit.SECONDS);
    if (ready == null || !ready.startsWith("ready ")) {
      p.destroyForcibly();
      throw new IOException("the gateway (" + mode + ") did not start within 90 s; see " + log);
    }
    int[] ports = new int[3];
    for (String kv : ready.substring(6).split(" ")) {
      String[] parts = kv.split("=");
      int port = Integer.parseInt(parts[1]);
      switch (parts[0]) {
        case "grpc" -> ports[0] = port;
        case "thrift" -> ports[1] = port;
        case "http" -> ports[2] = port;
        default -> throw new IOException("unexpected ready line from the gateway: " + ready);
      }
    }
    return new GatewayNodeProcess(p, lines, ports[0], ports[1], ports[2]);
  }

  Stats stats() throws IOException, InterruptedException {
    commands.println("stats");
    String line = replies.poll(30, TimeUnit.SECONDS);
    if (line == null || !line.startsWith("stats ")) throw new IOException("no stats from the gateway (got: " + line + ")");
    String[] f = line.split(" ");
    return new Stats(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]));
  }

  /**
   * Waits until the gateway has used less than a tenth of a core for two seconds in a row (at most
   * {@code maxSeconds}): the JIT and Hazelcast are still busy after start-up, which would otherwise be
   * charged to the first round. On a machine loaded far beyond its cores this can pass early.
   *
   * @return the seconds waited
   */
  double awaitIdle(int maxSeconds) throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
    Stats before = stats();
    long t = System.nanoTime();
    int idleQuarters = 0;
    while (System.nanoTime() < deadline && idleQuarters < 8) {
      Thread.sleep(250);
      Stats now = stats();
      long nowNanos = System.nanoTime();
      boolean idle = now.processCpuNanos() - before.processCpuNanos() < (nowNanos - t) / 10;
      idleQuarters = idle ? idleQuarters + 1 : 0;
      before = now;
      t = nowNanos;
    }
    return (System.nanoTime() - start) / 1e9;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    commands.println("quit");
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
