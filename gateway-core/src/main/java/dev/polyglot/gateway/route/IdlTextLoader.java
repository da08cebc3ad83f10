package dev.polyglot.gateway.route;

import dev.polyglot.idl.HttpRule;
import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
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
 * <p>The returned schema's files (paths, includes) and its services and methods (locations, HTTP
 * rules) are renamed back to the source names. Known limitation: locations inside structs, fields and
 * enums still name the temporary files; an in-memory entry point in the idl module would remove the
 * detour and this renaming.
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
      String prefix = dir.toString() + dir.getFileSystem().getSeparator();
      try {
        return renamed(IdlLoader.withIncludePaths(List.of(dir)).load(files), prefix);
      } catch (IdlException e) {
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

  private static Schema renamed(Schema schema, String prefix) {
    Schema.Builder b = Schema.builder();
    for (IdlFile f : schema.files()) {
      b.addFile(new IdlFile(f.path().replace(prefix, ""), f.idl(), f.scope(), f.namespaces(),
          f.includes().stream().map(i -> i.replace(prefix, "")).toList(), f.structs(), f.enums(), f.services(), f.typedefs(), f.constants(), f.descriptor()));
    }
    schema.structs().forEach(b::addStruct);
    schema.enums().forEach(b::addEnum);
    for (ServiceDef s : schema.services()) {
      List<MethodDef> methods = new ArrayList<>();
      for (MethodDef m : s.methods()) {
        List<HttpRule> rules = new ArrayList<>();
        for (HttpRule r : m.httpRules()) rules.add(new HttpRule(r.verb(), r.pathTemplate(), r.body(), r.responseBody(), renamed(r.location(), prefix)));
        methods.add(new MethodDef(m.name(), m.service(), m.streaming(), m.oneway(), m.request(), m.response(), m.exceptions(), rules,
            m.annotations(), renamed(m.location(), prefix)));
      }
      b.addService(new ServiceDef(s.qualifiedName(), s.name(), s.idl(), s.extendsService(), methods, s.annotations(), renamed(s.location(), prefix)));
    }
    return b.build();
  }

  private static SourceLocation renamed(SourceLocation l, String prefix) {
    return l == null ? null : SourceLocation.of(l.file().replace(prefix, ""), l.line(), l.column());
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
