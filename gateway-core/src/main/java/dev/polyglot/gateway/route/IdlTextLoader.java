package dev.polyglot.gateway.route;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads IDL text with {@link IdlLoader}, which reads files: the sources are written under a fresh
 * temporary folder (names kept, so relative includes and imports resolve), loaded with that folder
 * as the include path, and the folder is deleted. Problem locations are given back relative to the
 * folder, i.e. as the source names the user uploaded.
 *
 * <p>Known limitation: the returned schema's {@code IdlFile.path} values and definition locations name
 * the temporary files. An in-memory entry point in the idl module would remove the detour.
 */
final class IdlTextLoader implements SchemaLoader {

  @Override
  public Schema load(Map<String, String> sources) throws IdlException {
    List<Problem> problems = new ArrayList<>();
    for (String name : sources.keySet()) {
      if (!isSafeName(name)) {
        problems.add(Problem.of(SourceLocation.of(name, 1, 1), "bad IDL file name (expected: a relative path like acme/v1/warehouse.proto, without .. or \\)"));
      }
    }
    if (!problems.isEmpty()) throw new IdlException(problems);
    if (sources.isEmpty()) return Schema.builder().build();
    Path dir;
    try {
      dir = Files.createTempDirectory("polyglot-idl-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<Path> files = new ArrayList<>();
      for (Map.Entry<String, String> e : sources.entrySet()) {
        Path f = dir.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        files.add(f);
      }
      try {
        return IdlLoader.withIncludePaths(List.of(dir)).load(files);
      } catch (IdlException e) {
        String prefix = dir.toString() + dir.getFileSystem().getSeparator();
        List<Problem> relative = new ArrayList<>();
        for (Problem p : e.problems()) {
          SourceLocation l = p.location();
          relative.add(Problem.of(SourceLocation.of(l.file().replace(prefix, ""), l.line(), l.column()), p.message().replace(prefix, "")));
        }
        throw new IdlException(relative);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  static boolean isSafeName(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")) return false;
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) return false;
    }
    return true;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // A leftover temporary file is harmless; the load result does not depend on it.
        }
      });
    } catch (IOException ignored) {
      // Same as above.
    }
  }
}
