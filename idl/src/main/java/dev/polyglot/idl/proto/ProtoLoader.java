package dev.polyglot.idl.proto;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.Schema;
import java.nio.file.Path;
import java.util.List;

/** Loads {@code .proto} text files and compiled descriptor sets into a {@link Schema}. */
public final class ProtoLoader {
  private ProtoLoader() {}

  /**
   * @param protoFiles {@code .proto} files; imports are found relative to the importing file's root,
   *     then on {@code importPaths}; well-known types and {@code google/api/*.proto} are built in
   * @param descriptorSets files written by {@code protoc --descriptor_set_out}
   * @throws IdlException with every problem found, each with {@code file:line:col}
   */
  public static Schema load(List<Path> protoFiles, List<Path> descriptorSets, List<Path> importPaths) throws IdlException {
    throw new UnsupportedOperationException("proto loading is not written yet");
  }
}
