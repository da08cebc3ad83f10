package dev.polyglot.idl.convert;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The Apache Thrift compiler, when one is on PATH (it is not a Maven artifact; tests assume it). */
final class ThriftCompiler {
  /** What a run printed (stdout and stderr together) and how it ended. */
  record Result(int exitCode, String output) {}

  private ThriftCompiler() {}

  static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "thrift");
      if (Files.isExecutable(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  /** Generates Java for {@code file} into {@code out}, with {@code includeDir} on the include path. */
  static Result generateJava(Path thrift, Path file, Path includeDir, Path out) throws Exception {
    Files.createDirectories(out);
    Process p = new ProcessBuilder(thrift.toString(), "-I", includeDir.toString(), "--gen", "java", "-out", out.toString(), file.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("thrift did not finish within 60s");
    }
    return new Result(p.exitValue(), output);
  }
}
