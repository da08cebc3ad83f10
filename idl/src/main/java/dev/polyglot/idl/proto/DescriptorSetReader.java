package dev.polyglot.idl.proto;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads compiled descriptor sets ({@code protoc --descriptor_set_out}, a serialized
 * {@code FileDescriptorSet}). Positions come from {@code SourceCodeInfo} when the set was written
 * with {@code --include_source_info}; spans there are 0-based and become 1-based here.
 */
final class DescriptorSetReader {
  private DescriptorSetReader() {}

  // Field numbers of descriptor.proto used in SourceCodeInfo paths.
  private static final int FILE_MESSAGE = 4, FILE_ENUM = 5, FILE_SERVICE = 6;
  private static final int MESSAGE_FIELD = 2, MESSAGE_NESTED = 3, MESSAGE_ENUM = 4, MESSAGE_ONEOF = 8;
  private static final int ENUM_VALUE = 2, SERVICE_METHOD = 2;

  static List<LoadedFile> read(List<Path> sets, List<Problem> problems) {
    List<LoadedFile> out = new ArrayList<>();
    for (Path set : sets) {
      FileDescriptorSet parsed;
      try {
        parsed = FileDescriptorSet.parseFrom(Files.readAllBytes(set), BuiltinProtos.httpRegistry());
      } catch (InvalidProtocolBufferException e) {
        problems.add(Problem.of(SourceLocation.of(set.toString(), 1, 1),
            "not a descriptor set (expected: the output of protoc --descriptor_set_out): " + e.getMessage()));
        continue;
      } catch (IOException e) {
        problems.add(Problem.of(SourceLocation.of(set.toString(), 1, 1), "cannot read: " + e.getMessage()));
        continue;
      }
      if (parsed.getFileCount() == 0) {
        problems.add(Problem.of(SourceLocation.of(set.toString(), 1, 1),
            "descriptor set is empty (expected: the output of protoc --descriptor_set_out)"));
      }
      for (FileDescriptorProto file : parsed.getFileList()) {
        if (file.getName().isEmpty()) {
          problems.add(Problem.of(SourceLocation.of(set.toString(), 1, 1), "descriptor set holds a file without a name"));
          continue;
        }
        out.add(new LoadedFile(file.getName(), file.getName(), file, locations(file)));
      }
    }
    return out;
  }

  private static Map<String, SourceLocation> locations(FileDescriptorProto file) {
    if (!file.hasSourceCodeInfo()) return Map.of();
    Map<List<Integer>, SourceLocation> spans = new HashMap<>();
    for (SourceCodeInfo.Location l : file.getSourceCodeInfo().getLocationList()) {
      if (l.getSpanCount() < 3) continue;
      spans.putIfAbsent(l.getPathList(), SourceLocation.of(file.getName(), l.getSpan(0) + 1, l.getSpan(1) + 1));
    }
    Map<String, SourceLocation> out = new HashMap<>();
    String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
    for (int i = 0; i < file.getMessageTypeCount(); i++) {
      indexMessage(file.getMessageType(i), prefix, List.of(FILE_MESSAGE, i), spans, out);
    }
    for (int i = 0; i < file.getEnumTypeCount(); i++) {
      indexEnum(file.getEnumType(i), prefix, List.of(FILE_ENUM, i), spans, out);
    }
    for (int i = 0; i < file.getServiceCount(); i++) {
      ServiceDescriptorProto s = file.getService(i);
      String full = prefix + s.getName();
      List<Integer> path = List.of(FILE_SERVICE, i);
      put(out, ElementKeys.service(full), spans.get(path));
      for (int j = 0; j < s.getMethodCount(); j++) {
        put(out, ElementKeys.method(full, s.getMethod(j).getName()), spans.get(append(path, SERVICE_METHOD, j)));
      }
    }
    return out;
  }

  private static void indexMessage(DescriptorProto m, String prefix, List<Integer> path,
      Map<List<Integer>, SourceLocation> spans, Map<String, SourceLocation> out) {
    String full = prefix + m.getName();
    put(out, ElementKeys.message(full), spans.get(path));
    for (int i = 0; i < m.getFieldCount(); i++) {
      put(out, ElementKeys.field(full, m.getField(i).getName()), spans.get(append(path, MESSAGE_FIELD, i)));
    }
    for (int i = 0; i < m.getOneofDeclCount(); i++) {
      put(out, ElementKeys.oneof(full, m.getOneofDecl(i).getName()), spans.get(append(path, MESSAGE_ONEOF, i)));
    }
    for (int i = 0; i < m.getNestedTypeCount(); i++) {
      indexMessage(m.getNestedType(i), full + ".", append(path, MESSAGE_NESTED, i), spans, out);
    }
    for (int i = 0; i < m.getEnumTypeCount(); i++) {
      indexEnum(m.getEnumType(i), full + ".", append(path, MESSAGE_ENUM, i), spans, out);
    }
  }

  private static void indexEnum(EnumDescriptorProto e, String prefix, List<Integer> path,
      Map<List<Integer>, SourceLocation> spans, Map<String, SourceLocation> out) {
    String full = prefix + e.getName();
    put(out, ElementKeys.enumType(full), spans.get(path));
    for (int i = 0; i < e.getValueCount(); i++) {
      put(out, ElementKeys.enumValue(full, e.getValue(i).getName()), spans.get(append(path, ENUM_VALUE, i)));
    }
  }

  private static List<Integer> append(List<Integer> path, int field, int index) {
    List<Integer> out = new ArrayList<>(path.size() + 2);
    out.addAll(path);
    out.add(field);
    out.add(index);
    return out;
  }

  private static void put(Map<String, SourceLocation> out, String key, SourceLocation l) {
    if (l != null) out.put(key, l);
  }
}
