package dev.polyglot.idl.proto;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Loads {@code .proto} text files and compiled descriptor sets into a {@link Schema}.
 *
 * <p>Design note: there are two front ends and one mapping. Text is parsed and linked by Wire
 * ({@link WireProtoReader}) and encoded to {@code FileDescriptorProto}s; descriptor sets already are
 * those ({@link DescriptorSetReader}). From there protobuf-java builds real {@code Descriptors}
 * ({@link DescriptorLinker}), and {@link DescriptorMapper} alone decides what the model says. So a
 * file loaded as text and the same file compiled by {@code protoc} give the same model, and the
 * descriptors in {@link dev.polyglot.idl.IdlFile#descriptor()} are ones protobuf-java accepts.
 *
 * <p>Thread-safe: every call works on its own state.
 */
public final class ProtoLoader {
  private ProtoLoader() {}

  /**
   * @param protoFiles {@code .proto} files; imports are found relative to the importing file's root,
   *     then on {@code importPaths}; well-known types and {@code google/api/*.proto} are built in
   * @param descriptorSets files written by {@code protoc --descriptor_set_out}
   * @return every file given and every file they import (built-in ones included), with their types
   *     and services
   * @throws IdlException with every problem found, each with {@code file:line:col}
   */
  public static Schema load(List<Path> protoFiles, List<Path> descriptorSets, List<Path> importPaths) throws IdlException {
    List<Problem> problems = new ArrayList<>();
    List<LoadedFile> files = new ArrayList<>();
    if (!protoFiles.isEmpty()) files.addAll(WireProtoReader.read(protoFiles, importPaths, problems));
    if (!descriptorSets.isEmpty()) files.addAll(DescriptorSetReader.read(descriptorSets, problems));
    if (!problems.isEmpty()) throw failure(problems);
    List<DescriptorLinker.Linked> linked = DescriptorLinker.link(files, problems);
    if (!problems.isEmpty()) throw failure(problems);
    Schema schema = DescriptorMapper.map(linked, problems);
    if (!problems.isEmpty()) throw failure(problems);
    return schema;
  }

  private static IdlException failure(List<Problem> problems) {
    return new IdlException(new ArrayList<>(new LinkedHashSet<>(problems)));
  }
}
