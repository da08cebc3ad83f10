package dev.polyglot.idl.proto;

import com.google.api.AnnotationsProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import dev.polyglot.idl.Annotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders proto options as {@link Annotations}: standard options by their field name
 * ({@code deprecated} → {@code "true"}), custom options by their full name without parentheses
 * ({@code acme.cacheable} → {@code "true"}). Messages are rendered in short text format, enums by
 * value name, repeated options joined with {@code ", "}.
 *
 * <p>Custom options are unknown fields until the options message is parsed again with a registry
 * that knows the extensions declared by the loaded files; this class owns that registry.
 */
final class OptionRenderer {
  /** Options the model already carries in dedicated components. */
  private static final Set<String> CARRIED_ELSEWHERE = Set.of("map_entry", "packed", "google.api.http");

  private final ExtensionRegistry registry = ExtensionRegistry.newInstance();

  OptionRenderer(List<FileDescriptor> files) {
    registry.add(AnnotationsProto.http);
    for (FileDescriptor f : files) {
      if (BuiltinProtos.isBuiltin(f.getName())) continue; // their generated extensions are registered above or unused
      f.getExtensions().forEach(this::register);
      for (Descriptor d : f.getMessageTypes()) registerNested(d);
    }
  }

  private void registerNested(Descriptor d) {
    d.getExtensions().forEach(this::register);
    d.getNestedTypes().forEach(this::registerNested);
  }

  private void register(FieldDescriptor extension) {
    if (extension.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      registry.add(extension, DynamicMessage.getDefaultInstance(extension.getMessageType()));
    } else {
      registry.add(extension);
    }
  }

  /** Options with custom options parsed; the given message when it has none. */
  Message parse(Message options) {
    if (options.getUnknownFields().asMap().isEmpty()) return options;
    try {
      return options.getParserForType().parseFrom(options.toByteString(), registry);
    } catch (InvalidProtocolBufferException e) {
      return options; // bytes came from a parsed message; keep what protobuf-java understood
    }
  }

  Annotations render(Message options) {
    // Most elements carry no options; getAllFields() would reflect over every options field to say so.
    if (options.getSerializedSize() == 0) return Annotations.NONE;
    Message parsed = parse(options);
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<FieldDescriptor, Object> e : parsed.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      String key = f.isExtension() ? f.getFullName() : f.getName();
      if (CARRIED_ELSEWHERE.contains(key)) continue;
      out.put(key, text(e.getValue()));
    }
    return Annotations.of(out);
  }

  private static String text(Object value) {
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) parts.add(text(o));
      return String.join(", ", parts);
    }
    if (value instanceof EnumValueDescriptor e) return e.getName();
    if (value instanceof ByteString b) return b.toStringUtf8();
    if (value instanceof Message m) return TextFormat.printer().shortDebugString(m);
    return String.valueOf(value);
  }
}
