package dev.polyglot.idl.thrift;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.SourceLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and links Thrift IDL files (and what they include) into a {@link Schema}.
 *
 * <p>Names: every definition is qualified by its file's stem ({@code Item} in {@code warehouse.thrift}
 * is {@code warehouse.Item}); an included file's definitions are referred to as {@code stem.Name}.
 * Each method gets a synthesized {@link dev.polyglot.idl.StructKind#ARGS} struct named
 * {@code <service>.<method>_args}.
 *
 * <p>Annotations are kept as written; a flag without a value ({@code (deprecated)}) gets the value
 * {@code "1"}, as the Apache compiler gives it. Annotations on the type of a field or argument
 * ({@code list<string> (python.immutable = "")}) are accepted but not kept, since {@link
 * dev.polyglot.idl.TypeRef} has no place for them; those on a typedef's type are merged into the
 * {@link dev.polyglot.idl.TypedefDef}'s annotations.
 *
 * <p>Stateless and thread-safe; each call reads the files afresh.
 */
public final class ThriftLoader {
  private ThriftLoader() {}

  /**
   * @param files the files to load; included files are found relative to the including file, then
   *     on {@code includePaths}, in order
   * @throws IdlException with every problem found, each with {@code file:line:col}; file names are
   *     the paths as given, or as joined with the directory they were found in
   */
  public static Schema load(List<Path> files, List<Path> includePaths) throws IdlException {
    List<Problem> problems = new ArrayList<>();
    FileSet set = new FileSet(includePaths, problems);
    for (Path f : files) set.loadRoot(f);
    Schema schema = new ThriftLinker(set.ordered, problems).link();
    if (!problems.isEmpty()) throw new IdlException(problems);
    return schema;
  }

  /** The closure of the requested files under {@code include}, each parsed once. */
  private static final class FileSet {
    private final List<Path> includePaths;
    private final List<Problem> problems;
    private final Map<Path, ThriftLinker.Unit> loaded = new HashMap<>();
    /** Files currently being loaded, outermost first; an include of one of them is a cycle. */
    private final LinkedHashMap<Path, String> active = new LinkedHashMap<>();
    private final Map<String, String> pathByStem = new HashMap<>();
    final List<ThriftLinker.Unit> ordered = new ArrayList<>();

    FileSet(List<Path> includePaths, List<Problem> problems) {
      this.includePaths = includePaths;
      this.problems = problems;
    }

    void loadRoot(Path file) {
      Path key = file.toAbsolutePath().normalize();
      if (loaded.containsKey(key)) return;
      if (!Files.isRegularFile(file)) {
        problems.add(Problem.of(SourceLocation.of(file.toString(), 1, 1), "file not found (expected: a readable .thrift file)"));
        return;
      }
      load(file, key, file.toString());
    }

    private ThriftLinker.Unit load(Path file, Path key, String display) {
      String text;
      try {
        text = Files.readString(file);
      } catch (CharacterCodingException e) {
        problems.add(Problem.of(SourceLocation.of(display, 1, 1), "file is not valid UTF-8 (expected: UTF-8 text)"));
        return null;
      } catch (IOException e) {
        problems.add(Problem.of(SourceLocation.of(display, 1, 1), "cannot read file: " + e.getMessage()));
        return null;
      }
      if (text.startsWith("\uFEFF")) text = text.substring(1); // editors on Windows write a byte order mark
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      String stem = dot > 0 ? name.substring(0, dot) : name;
      ThriftAst.Document doc = ThriftParser.parse(display, text, problems);
      ThriftLinker.Unit unit = new ThriftLinker.Unit(display, stem, doc);
      loaded.put(key, unit);
      String sameStem = pathByStem.putIfAbsent(stem, display);
      if (sameStem != null) {
        problems.add(Problem.of(SourceLocation.of(display, 1, 1), "file name stem '" + stem + "' is already used by " + sameStem
            + " (expected: distinct file names, because definitions are qualified by file name)"));
      }
      active.put(key, name);
      for (ThriftAst.IncludeNode inc : doc.includes()) {
        ThriftLinker.Unit target = include(file, display, inc);
        if (target != null) {
          unit.includePaths.add(target.path);
          unit.includesByStem.put(target.stem, target);
        }
      }
      active.remove(key);
      ordered.add(unit);
      return unit;
    }

    private ThriftLinker.Unit include(Path from, String fromDisplay, ThriftAst.IncludeNode inc) {
      List<Path> candidates = new ArrayList<>();
      List<String> displays = new ArrayList<>();
      Path dir = from.getParent();
      candidates.add(dir == null ? Path.of(inc.path()) : dir.resolve(inc.path()));
      Path displayDir = Path.of(fromDisplay).getParent();
      displays.add(displayDir == null ? inc.path() : displayDir.resolve(inc.path()).normalize().toString());
      for (Path p : includePaths) {
        candidates.add(p.resolve(inc.path()));
        displays.add(p.resolve(inc.path()).normalize().toString());
      }
      for (int i = 0; i < candidates.size(); i++) {
        Path c = candidates.get(i);
        if (!Files.isRegularFile(c)) continue;
        Path key = c.toAbsolutePath().normalize();
        if (active.containsKey(key)) {
          List<String> chain = new ArrayList<>();
          boolean inCycle = false;
          for (Map.Entry<Path, String> e : active.entrySet()) {
            if (e.getKey().equals(key)) inCycle = true;
            if (inCycle) chain.add(e.getValue());
          }
          chain.add(c.getFileName().toString());
          problems.add(Problem.of(inc.location(), "include cycle " + String.join(" -> ", chain)
              + " (expected: includes that do not lead back to the including file)"));
          return null;
        }
        ThriftLinker.Unit done = loaded.get(key);
        return done != null ? done : load(c, key, displays.get(i));
      }
      problems.add(Problem.of(inc.location(), "included file '" + inc.path() + "' not found (expected: a file relative to "
          + "the including file's directory or on an include path)"));
      return null;
    }
  }
}
