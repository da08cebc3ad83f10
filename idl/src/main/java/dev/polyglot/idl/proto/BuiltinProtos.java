package dev.polyglot.idl.proto;

import com.google.api.AnnotationsProto;
import com.google.api.HttpProto;
import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import com.google.rpc.CodeProto;
import com.google.rpc.ErrorDetailsProto;
import com.google.rpc.StatusProto;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proto files users may import without shipping them: the well-known types from protobuf-java's
 * jar and {@code google/api}, {@code google/rpc} from proto-google-common-protos.
 *
 * <p>Design note: whichever way such a file is read (Wire parses its text from the jar, or a
 * descriptor set carries a copy), the model is built against the <em>generated</em>
 * {@link FileDescriptor} of the library on our classpath. That keeps {@code google.protobuf.Timestamp}
 * in a loaded schema the very same descriptor protobuf-java's JSON printer and well-known-type
 * handling know, and keeps {@code google.api.http} readable as the generated {@code HttpRule}.
 * Wire bundles its own copies of a few {@code google/protobuf} files; they are only its fallback
 * when no proto path has them, and their descriptors are replaced here like any other copy.
 */
final class BuiltinProtos {
  private BuiltinProtos() {}

  private static final Map<String, FileDescriptor> FILES = new LinkedHashMap<>();

  static {
    put(AnyProto.getDescriptor());
    put(ApiProto.getDescriptor());
    put(DescriptorProtos.getDescriptor());
    put(DurationProto.getDescriptor());
    put(EmptyProto.getDescriptor());
    put(FieldMaskProto.getDescriptor());
    put(SourceContextProto.getDescriptor());
    put(StructProto.getDescriptor());
    put(TimestampProto.getDescriptor());
    put(TypeProto.getDescriptor());
    put(WrappersProto.getDescriptor());
    put(HttpProto.getDescriptor());
    put(AnnotationsProto.getDescriptor());
    put(CodeProto.getDescriptor());
    put(StatusProto.getDescriptor());
    put(ErrorDetailsProto.getDescriptor());
  }

  private static void put(FileDescriptor fd) {
    FILES.put(fd.getName(), fd);
  }

  /** The generated descriptor for a built-in import name, or null. */
  static FileDescriptor file(String name) {
    return FILES.get(name);
  }

  static boolean isBuiltin(String name) {
    return FILES.containsKey(name);
  }

  /** A registry that knows {@code google.api.http}, for parsing descriptors read from bytes. */
  static ExtensionRegistry httpRegistry() {
    ExtensionRegistry r = ExtensionRegistry.newInstance();
    r.add(AnnotationsProto.http);
    return r;
  }

  /**
   * Proto-path entries for the built-in {@code .proto} text, one per file, as {@code (jar or class
   * folder, import name)}. A file that one of {@code userRoots} also has is left out: Wire refuses an
   * import found under two roots, and a vendored copy should win. Listing files one by one keeps the
   * other built-ins available when a user vendors only some of them.
   */
  static List<Map.Entry<Path, String>> textFiles(List<Path> userRoots) {
    List<Map.Entry<Path, String>> out = new ArrayList<>();
    Path wellKnown = codeSource(AnyProto.class);
    Path common = codeSource(AnnotationsProto.class);
    for (String name : FILES.keySet()) {
      Path root = name.startsWith("google/protobuf/") ? wellKnown : common;
      if (root == null) continue; // not loaded from a file: Wire's own copies of the common ones remain
      boolean shadowed = false;
      for (Path userRoot : userRoots) shadowed |= Files.isRegularFile(userRoot.resolve(name));
      if (!shadowed) out.add(Map.entry(root, name));
    }
    return out;
  }

  private static Path codeSource(Class<?> owner) {
    try {
      var source = owner.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) return null;
      Path p = Path.of(source.getLocation().toURI());
      return Files.exists(p) ? p : null;
    } catch (URISyntaxException | RuntimeException e) { // e.g. a jar nested in a jar: no file system for it
      return null; // Wire falls back to its own copies of the common google/protobuf files
    }
  }
}
