package dev.polyglot.idl.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.squareup.wire.schema.EnumConstant;
import com.squareup.wire.schema.EnumType;
import com.squareup.wire.schema.Extend;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.OneOf;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Rpc;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.SchemaException;
import com.squareup.wire.schema.SchemaLoader;
import com.squareup.wire.schema.Service;
import com.squareup.wire.schema.Type;
import com.squareup.wire.schema.internal.SchemaEncoder;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code .proto} text with Wire's schema loader and encodes each file of the import closure to a
 * {@code FileDescriptorProto}.
 *
 * <p>Roots: each given file is a source root relative to the first import path that contains it,
 * else relative to its own folder. Imports are searched on the import paths, then on the folders of
 * the given files, then in the jars holding the built-in protos. Wire stops at the first syntax error
 * of a file; to still report the problems of the other files, a file with a syntax error is dropped
 * and the rest loaded again.
 */
final class WireProtoReader {
  private WireProtoReader() {}

  static List<LoadedFile> read(List<Path> protoFiles, List<Path> importPaths, List<Problem> problems) {
    List<Path> imports = distinct(importPaths);
    Map<String, Location> roots = new LinkedHashMap<>(); // import name → source-path location
    List<Path> fallbackRoots = new ArrayList<>();
    for (Path file : protoFiles) {
      if (!Files.isRegularFile(file)) {
        problems.add(Problem.of(SourceLocation.of(file.toString(), 1, 1), "file not found"));
        continue;
      }
      Location root = rootLocation(file, imports, fallbackRoots);
      roots.putIfAbsent(root.getPath(), root);
    }
    if (roots.isEmpty()) return List.of();

    List<Path> userRoots = new ArrayList<>(imports);
    for (Path p : fallbackRoots) if (!userRoots.contains(p)) userRoots.add(p);
    List<Location> protoPath = new ArrayList<>();
    for (Path p : userRoots) protoPath.add(Location.get(p.toString()));
    for (Map.Entry<Path, String> builtin : BuiltinProtos.textFiles(userRoots)) {
      protoPath.add(Location.get(builtin.getKey().toString(), builtin.getValue()));
    }

    while (!roots.isEmpty()) {
      SchemaLoader loader = new SchemaLoader(okio.FileSystem.SYSTEM);
      // Without this, options whose types are only reached through imports (google.api.http) are dropped.
      loader.setLoadExhaustively(true);
      loader.initRoots(new ArrayList<>(roots.values()), protoPath);
      Schema schema;
      try {
        schema = loader.loadSchema();
      } catch (SchemaException e) {
        problems.addAll(WireProblems.fromSchemaException(e.getMessage()));
        return List.of();
      } catch (Exception e) { // parse errors abort the load; Kotlin code may also throw IOException undeclared
        List<String> rootFiles = new ArrayList<>();
        for (Location l : roots.values()) rootFiles.add(display(l));
        Problem problem = WireProblems.fromAbortedLoad(e.getMessage(), rootFiles);
        problems.add(problem);
        String bad = problem.location().file();
        // Drop the broken file and load the rest again, so their problems are reported too. A broken
        // imported file ends the load: every file importing it would fail the same way.
        if (!roots.values().removeIf(l -> display(l).equals(bad))) return List.of();
        continue;
      }
      return encodeClosure(schema, roots.keySet(), problems);
    }
    return List.of();
  }

  private static List<LoadedFile> encodeClosure(Schema schema, Set<String> rootNames, List<Problem> problems) {
    Set<String> closure = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(rootNames);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (!closure.add(name)) continue;
      ProtoFile pf = schema.protoFile(name);
      if (pf == null) continue;
      pending.addAll(pf.getImports());
      pending.addAll(pf.getPublicImports());
    }
    SchemaEncoder encoder = new SchemaEncoder(schema);
    ExtensionRegistry registry = BuiltinProtos.httpRegistry();
    List<LoadedFile> out = new ArrayList<>();
    for (String name : closure) {
      ProtoFile pf = schema.protoFile(name);
      if (pf == null) continue;
      if (BuiltinProtos.isBuiltin(name)) {
        out.add(new LoadedFile(name, name, BuiltinProtos.file(name).toProto(), Map.of()));
        continue;
      }
      String display = display(pf.getLocation());
      FileDescriptorProto proto;
      try {
        proto = FileDescriptorProto.parseFrom(encoder.encode(pf).toByteArray(), registry);
      } catch (InvalidProtocolBufferException e) {
        problems.add(Problem.of(SourceLocation.of(display, 1, 1), "cannot encode the file's descriptor: " + e.getMessage()));
        continue;
      }
      Map<String, SourceLocation> locations = new HashMap<>();
      Map<String, String> jsonNames = new HashMap<>();
      for (Type t : pf.getTypes()) index(t, locations, jsonNames);
      for (Extend extend : pf.getExtendList()) indexExtensions(pf.getPackageName(), extend, locations);
      for (Service s : pf.getServices()) {
        String service = s.type().toString();
        locations.put(ElementKeys.service(service), at(s.location()));
        for (Rpc rpc : s.rpcs()) locations.put(ElementKeys.method(service, rpc.getName()), at(rpc.getLocation()));
      }
      out.add(new LoadedFile(name, display, JsonNameRepair.apply(proto, jsonNames), locations));
    }
    return out;
  }

  private static void index(Type type, Map<String, SourceLocation> locations, Map<String, String> jsonNames) {
    String full = type.getType().toString();
    if (type instanceof MessageType m) {
      locations.put(ElementKeys.message(full), at(m.getLocation()));
      for (Field f : m.getFieldsAndOneOfFields()) {
        if (f.isExtension()) continue;
        locations.put(ElementKeys.field(full, f.getName()), at(f.getLocation()));
        if (f.getDeclaredJsonName() != null) jsonNames.put(ElementKeys.field(full, f.getName()), f.getDeclaredJsonName());
      }
      for (OneOf o : m.getOneOfs()) locations.put(ElementKeys.oneof(full, o.getName()), at(o.getLocation()));
      for (Extend extend : m.getNestedExtendList()) indexExtensions(full, extend, locations);
    } else if (type instanceof EnumType e) {
      locations.put(ElementKeys.enumType(full), at(e.getLocation()));
      for (EnumConstant c : e.getConstants()) locations.put(ElementKeys.enumValue(full, c.getName()), at(c.getLocation()));
    }
    for (Type nested : type.getNestedTypes()) index(nested, locations, jsonNames);
  }

  /** Extensions are keyed by their scope (package or message), as protobuf-java names them. */
  private static void indexExtensions(String scope, Extend extend, Map<String, SourceLocation> locations) {
    for (Field f : extend.getFields()) locations.put(ElementKeys.field(scope == null ? "" : scope, f.getName()), at(f.getLocation()));
  }

  private static Location rootLocation(Path file, List<Path> imports, List<Path> fallbackRoots) {
    Path abs = file.toAbsolutePath().normalize();
    for (Path dir : imports) {
      Path absDir = dir.toAbsolutePath().normalize();
      if (abs.startsWith(absDir)) return Location.get(dir.toString(), slashes(absDir.relativize(abs)));
    }
    Path parent = file.getParent() != null ? file.getParent() : Path.of(".");
    if (!fallbackRoots.contains(parent)) fallbackRoots.add(parent);
    return Location.get(parent.toString(), file.getFileName().toString());
  }

  private static List<Path> distinct(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path p : paths) if (seen.add(p.toAbsolutePath().normalize())) out.add(p);
    return out;
  }

  private static String slashes(Path relative) {
    return relative.toString().replace('\\', '/');
  }

  static SourceLocation at(Location l) {
    return SourceLocation.of(display(l), l.getLine(), l.getColumn());
  }

  /** {@code base/path} as Wire prints it, without a leading {@code ./}. */
  static String display(Location l) {
    String s = l.getBase().isEmpty() ? l.getPath() : l.getBase() + "/" + l.getPath();
    return s.startsWith("./") ? s.substring(2) : s;
  }
}
