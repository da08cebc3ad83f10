package dev.polyglot.idl.proto;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import java.util.Map;

/**
 * Puts declared {@code json_name}s back into a descriptor encoded by Wire: Wire reads the option
 * but its encoder leaves {@code FieldDescriptorProto.json_name} empty, and protobuf-java would then
 * derive the lowerCamelCase name instead of the declared one.
 */
final class JsonNameRepair {
  private JsonNameRepair() {}

  /** @param declared field key ({@link ElementKeys#field}) → declared JSON name */
  static FileDescriptorProto apply(FileDescriptorProto file, Map<String, String> declared) {
    if (declared.isEmpty()) return file;
    FileDescriptorProto.Builder b = file.toBuilder();
    String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
    for (DescriptorProto.Builder m : b.getMessageTypeBuilderList()) repair(m, prefix, declared);
    return b.build();
  }

  private static void repair(DescriptorProto.Builder m, String prefix, Map<String, String> declared) {
    String full = prefix + m.getName();
    for (FieldDescriptorProto.Builder f : m.getFieldBuilderList()) {
      String json = declared.get(ElementKeys.field(full, f.getName()));
      if (json != null) f.setJsonName(json);
    }
    for (DescriptorProto.Builder nested : m.getNestedTypeBuilderList()) repair(nested, full + ".", declared);
  }
}
