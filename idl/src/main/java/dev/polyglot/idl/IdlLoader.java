package dev.polyglot.idl;

import dev.polyglot.idl.proto.ProtoLoader;
import dev.polyglot.idl.thrift.ThriftLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads any mix of {@code .thrift}, {@code .proto} and compiled descriptor sets ({@code .pb},
 * {@code .desc}, {@code .protoset}, {@code .binpb}) into one {@link Schema}. Folders are searched
 * recursively for those extensions. Problems from every file are collected and thrown once.
 */
public final class IdlLoader {
  private final List<Path> includePaths;

  private IdlLoader(List<Path> includePaths) {
    this.includePaths = List.copyOf(includePaths);
  }

  public static IdlLoader withIncludePaths(List<Path> includePaths) {
    return new IdlLoader(includePaths);
  }

  public static IdlLoader create() {
    return new IdlLoader(List.of());
  }

  /** Loads files or folders. */
  public Schema load(List<Path> paths) throws IdlException {
    List<Path> thrift = new ArrayList<>();
    List<Path> proto = new ArrayList<>();
    List<Path> descriptorSets = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path p : expand(paths, problems)) {
      String n = p.getFileName().toString();
      if (n.endsWith(".thrift")) thrift.add(p);
      else if (n.endsWith(".proto")) proto.add(p);
      else if (n.endsWith(".pb") || n.endsWith(".desc") || n.endsWith(".protoset") || n.endsWith(".binpb")) descriptorSets.add(p);
      else problems.add(Problem.of(SourceLocation.of(p.toString(), 1, 1),
          "unsupported file type (expected: .thrift, .proto, or a descriptor set .pb/.desc/.protoset/.binpb)"));
    }
    // A folder given on the command line is also a search root: files in it import each other by
    // their paths relative to it, as protoc's -I would make them.
    List<Path> searchPaths = new ArrayList<>(includePaths);
    for (Path p : paths) if (Files.isDirectory(p) && !searchPaths.contains(p)) searchPaths.add(p);
    Schema schema = Schema.builder().build();
    if (!thrift.isEmpty()) {
      try {
        schema = schema.merge(ThriftLoader.load(thrift, searchPaths));
      } catch (IdlException e) {
        problems.addAll(e.problems());
      }
    }
    if (!proto.isEmpty() || !descriptorSets.isEmpty()) {
      try {
        schema = schema.merge(ProtoLoader.load(proto, descriptorSets, searchPaths));
      } catch (IdlException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) throw new IdlException(problems);
    return schema;
  }

  private static List<Path> expand(List<Path> paths, List<Problem> problems) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".thrift") || n.endsWith(".proto");
              })
              .sorted()
              .forEach(out::add);
        } catch (IOException e) {
          problems.add(Problem.of(SourceLocation.of(p.toString(), 1, 1), "cannot read folder: " + e.getMessage()));
        }
      } else if (!Files.isRegularFile(p)) {
        problems.add(Problem.of(SourceLocation.of(p.toString(), 1, 1), "file not found"));
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
