package dev.polyglot.gateway;

import dev.polyglot.gateway.config.GatewayConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the configuration's IDL files into the route table's form: name → text. A name is the path
 * relative to the configuration's folder (or, for files outside it, relative to the listed folder or
 * the file's own folder), with {@code /} separators, so that relative includes still resolve.
 */
final class IdlFiles {
  private IdlFiles() {}

  static Map<String, String> read(GatewayConfig config) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Path entry : config.idl()) {
      List<Path> files;
      Path root;
      if (Files.isDirectory(entry)) {
        try (Stream<Path> walk = Files.walk(entry)) {
          files = walk.filter(Files::isRegularFile).filter(IdlFiles::isIdl).sorted().toList();
        }
        root = entry;
      } else {
        files = List.of(entry);
        root = entry.getParent();
      }
      for (Path f : files) {
        Path base = f.startsWith(config.baseDirectory()) ? config.baseDirectory() : root;
        String name = base.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
        out.put(name, Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static boolean isIdl(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".thrift") || n.endsWith(".proto");
  }
}
