package dev.polyglot.idl;

import java.util.List;
import java.util.Map;

/**
 * One loaded file and what it declares, in declaration order. Types themselves live in
 * {@link Schema}; this keeps per-file facts needed for conversion, reflection and messages.
 *
 * @param path the path as given by the user or found on an include/import path
 * @param scope Thrift: the file stem ({@code warehouse}); proto: the package ({@code acme.v1}) or ""
 * @param namespaces Thrift {@code namespace} declarations (language → name); proto: {@code java_package}
 *     and friends are not kept here
 * @param includes the included/imported files, as resolved paths
 * @param descriptor proto only: the serialized {@code google.protobuf.FileDescriptorProto} of this
 *     file (for gRPC reflection and protobuf-java {@code Descriptors}); null for Thrift
 */
public record IdlFile(
    String path,
    IdlKind idl,
    String scope,
    Map<String, String> namespaces,
    List<String> includes,
    List<String> structs,
    List<String> enums,
    List<String> services,
    List<TypedefDef> typedefs,
    List<ConstDef> constants,
    byte[] descriptor) {

  public IdlFile {
    namespaces = Map.copyOf(namespaces);
    includes = List.copyOf(includes);
    structs = List.copyOf(structs);
    enums = List.copyOf(enums);
    services = List.copyOf(services);
    typedefs = List.copyOf(typedefs);
    constants = List.copyOf(constants);
  }
}
