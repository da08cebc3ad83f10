package dev.polyglot.idl.convert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code protoc} (copied by Maven to {@code target/protoc/protoc}, named by the system
 * property {@code protoc.path}) with the well-known types it imports extracted from protobuf-java.
 */
final class Protoc {
  /** What a protoc run printed and how it ended. */
  record Result(int exitCode, String stderr) {}

  private static final List<String> BUILT_INS = List.of(
      "google/protobuf/empty.proto", "google/protobuf/timestamp.proto", "google/protobuf/duration.proto",
      "google/protobuf/wrappers.proto", "google/protobuf/any.proto", "google/protobuf/struct.proto",
      "google/protobuf/descriptor.proto", "google/api/annotations.proto", "google/api/http.proto");

  private Protoc() {}

  /** Compiles {@code files} (relative to {@code root}) to a descriptor set, with the built-in imports available. */
  static Result compile(Path root, List<String> files, Path work) throws IOException, InterruptedException {
    String configured = System.getProperty("protoc.path");
    if (configured == null) throw new IllegalStateException("system property protoc.path is not set (run the tests with Maven)");
    Path protoc = Path.of(configured);
    if (!protoc.toFile().canExecute() && !protoc.toFile().setExecutable(true)) throw new IllegalStateException("cannot make " + protoc + " executable");
    Path includes = Files.createDirectories(work.resolve("protoc-includes"));
    for (String name : BUILT_INS) {
      try (InputStream in = Protoc.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) throw new IllegalStateException(name + " is not on the test classpath");
        Path target = includes.resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
    List<String> command = new ArrayList<>(List.of(protoc.toString(), "-I" + root, "-I" + includes,
        "--descriptor_set_out=" + work.resolve("out.pb")));
    command.addAll(files);
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("protoc did not finish within 60s");
    }
    return new Result(p.exitValue(), stderr);
  }
}
