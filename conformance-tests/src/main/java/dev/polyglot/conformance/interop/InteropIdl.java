package dev.polyglot.conformance.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the interop service's two IDLs live and what their services are called. Both files ship on
 * this module's classpath; {@link #copyTo(Path)} puts them on disk for loaders and configs that take
 * file paths. The two bind to each other by DESIGN.md's default mapping rules alone.
 */
public final class InteropIdl {
  /** Classpath resource of the Thrift IDL. */
  public static final String THRIFT_RESOURCE = "idl/interop.thrift";
  /** Classpath resource of the proto IDL (it imports google/api/annotations.proto and google/protobuf/empty.proto). */
  public static final String PROTO_RESOURCE = "idl/interop.proto";
  /** The Thrift service, named by file stem as DESIGN.md says. */
  public static final String THRIFT_SERVICE = "interop.Interop";
  /** The proto service, named by its package. */
  public static final String PROTO_SERVICE = "polyglot.interop.v1.InteropService";

  private InteropIdl() {}

  /**
   * Writes {@code interop.thrift} and {@code interop.proto} into {@code directory} (created if needed,
   * existing files replaced) and returns their paths, Thrift first.
   */
  public static List<Path> copyTo(Path directory) {
    try {
      Files.createDirectories(directory);
      List<Path> written = new ArrayList<>(2);
      for (String resource : List.of(THRIFT_RESOURCE, PROTO_RESOURCE)) {
        Path target = directory.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = open(resource)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        written.add(target);
      }
      return List.copyOf(written);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the interop IDLs to " + directory, e);
    }
  }

  /** The text of one of the two resources, UTF-8. */
  public static String text(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = InteropIdl.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(resource + " is not on the classpath (expected in the conformance-tests jar)");
    }
    return in;
  }
}
