package dev.polyglot.idl.proto;

import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds protobuf-java {@link FileDescriptor}s for loaded files, dependencies first. Built-in import
 * names always resolve to the generated descriptors of {@link BuiltinProtos}, also when the input
 * carries its own copy.
 */
final class DescriptorLinker {
  /** A loaded file with its built descriptor; files come out dependencies first. */
  record Linked(LoadedFile file, FileDescriptor descriptor) {}

  private final Map<String, LoadedFile> byName = new LinkedHashMap<>();
  private final Map<String, Linked> linked = new LinkedHashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  private final Set<String> failed = new HashSet<>();
  private final List<Problem> problems;

  private DescriptorLinker(List<LoadedFile> files, List<Problem> problems) {
    for (LoadedFile f : files) byName.putIfAbsent(f.name(), f); // text input comes first and wins
    this.problems = problems;
  }

  static List<Linked> link(List<LoadedFile> files, List<Problem> problems) {
    DescriptorLinker linker = new DescriptorLinker(files, problems);
    for (String name : linker.byName.keySet()) linker.build(name, null, null);
    return new ArrayList<>(linker.linked.values());
  }

  /** Returns the descriptor, or null after reporting why it cannot be built. */
  private FileDescriptor build(String name, LoadedFile importer, String importerName) {
    Linked done = linked.get(name);
    if (done != null) return done.descriptor();
    if (failed.contains(name)) return null;
    LoadedFile file = byName.get(name);
    if (BuiltinProtos.isBuiltin(name)) {
      FileDescriptor fd = BuiltinProtos.file(name);
      for (FileDescriptor dep : fd.getDependencies()) build(dep.getName(), null, name); // dependencies first
      LoadedFile builtin = new LoadedFile(name, name, fd.toProto(), Map.of());
      linked.put(name, new Linked(builtin, fd));
      return fd;
    }
    if (file == null) {
      failed.add(name);
      problems.add(Problem.of(importer == null ? SourceLocation.of(name, 0, 0) : SourceLocation.of(importer.displayPath(), 0, 0),
          "import \"" + name + "\" not found in the descriptor sets (expected: a set written with protoc --include_imports)"));
      return null;
    }
    if (!inProgress.add(name)) {
      failed.add(name);
      problems.add(Problem.of(file.locate(""), "import cycle: \"" + importerName + "\" and \"" + name + "\" import each other"));
      return null;
    }
    List<FileDescriptor> deps = new ArrayList<>();
    boolean depsOk = true;
    for (String dep : file.proto().getDependencyList()) {
      FileDescriptor d = build(dep, file, name);
      if (d == null) depsOk = false;
      else deps.add(d);
    }
    inProgress.remove(name);
    if (!depsOk) {
      failed.add(name);
      return null;
    }
    try {
      FileDescriptor fd = FileDescriptor.buildFrom(file.proto(), deps.toArray(new FileDescriptor[0]));
      linked.put(name, new Linked(file, fd));
      return fd;
    } catch (DescriptorValidationException e) {
      failed.add(name);
      problems.add(Problem.of(locateSymbol(file, e.getProblemSymbolName()), e.getDescription()));
      return null;
    }
  }

  private static SourceLocation locateSymbol(LoadedFile file, String symbol) {
    String owner = symbol.contains(".") ? symbol.substring(0, symbol.lastIndexOf('.')) : "";
    String simple = symbol.substring(symbol.lastIndexOf('.') + 1);
    for (String key : List.of(
        ElementKeys.message(symbol), ElementKeys.enumType(symbol), ElementKeys.service(symbol),
        ElementKeys.field(owner, simple), ElementKeys.oneof(owner, simple), ElementKeys.method(owner, simple))) {
      SourceLocation l = file.locations().get(key);
      if (l != null) return l;
    }
    return file.locate("");
  }
}
