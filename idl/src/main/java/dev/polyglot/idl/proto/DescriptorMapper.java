package dev.polyglot.idl.proto;

import com.google.api.AnnotationsProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Message;
import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.ConstValue;
import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.HttpRule;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.OneofDef;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Requiredness;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one mapping from protobuf-java descriptors to the neutral model, shared by text and
 * descriptor-set input. Presence and requiredness follow {@link Requiredness} and
 * {@link FieldDef#hasPresence()}; map fields become {@link TypeRef.MapOf} while their synthetic entry
 * messages stay in the schema with {@code mapEntry} set.
 */
final class DescriptorMapper {
  private final Schema.Builder schema = Schema.builder();
  private final OptionRenderer options;
  private final List<Problem> problems;

  private DescriptorMapper(List<DescriptorLinker.Linked> files, List<Problem> problems) {
    List<FileDescriptor> descriptors = new ArrayList<>();
    for (DescriptorLinker.Linked l : files) descriptors.add(l.descriptor());
    this.options = new OptionRenderer(descriptors);
    this.problems = problems;
  }

  static Schema map(List<DescriptorLinker.Linked> files, List<Problem> problems) {
    DescriptorMapper mapper = new DescriptorMapper(files, problems);
    Map<String, String> displayByName = new java.util.HashMap<>();
    for (DescriptorLinker.Linked l : files) displayByName.put(l.file().name(), l.file().displayPath());
    for (DescriptorLinker.Linked l : files) mapper.mapFile(l.file(), l.descriptor(), displayByName);
    return mapper.schema.build();
  }

  private void mapFile(LoadedFile file, FileDescriptor fd, Map<String, String> displayByName) {
    List<String> structs = new ArrayList<>();
    List<String> enums = new ArrayList<>();
    List<String> services = new ArrayList<>();
    for (Descriptor d : fd.getMessageTypes()) mapMessage(file, d, structs, enums);
    for (EnumDescriptor e : fd.getEnumTypes()) mapEnum(file, e, enums);
    for (ServiceDescriptor s : fd.getServices()) {
      schema.addService(mapService(file, s));
      services.add(s.getFullName());
    }
    List<String> includes = new ArrayList<>();
    for (FileDescriptor dep : fd.getDependencies()) includes.add(displayByName.getOrDefault(dep.getName(), dep.getName()));
    schema.addFile(new IdlFile(file.displayPath(), IdlKind.PROTO, fd.getPackage(), Map.of(), includes, structs, enums,
        services, List.of(), List.of(), fd.toProto().toByteArray()));
  }

  private void mapMessage(LoadedFile file, Descriptor d, List<String> structs, List<String> enums) {
    String full = d.getFullName();
    List<OneofDescriptor> realOneofs = d.getRealOneofs();
    List<FieldDef> fields = new ArrayList<>();
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < realOneofs.size(); i++) members.add(new ArrayList<>());
    for (FieldDescriptor f : d.getFields()) {
      OneofDescriptor oneof = f.getRealContainingOneof();
      int oneofIndex = oneof == null ? -1 : realOneofs.indexOf(oneof);
      if (oneofIndex >= 0) members.get(oneofIndex).add(fields.size());
      fields.add(mapField(file, full, f, oneofIndex));
    }
    List<OneofDef> oneofs = new ArrayList<>();
    for (int i = 0; i < realOneofs.size(); i++) {
      OneofDescriptor o = realOneofs.get(i);
      oneofs.add(new OneofDef(o.getName(), members.get(i), file.locate(ElementKeys.oneof(full, o.getName()))));
    }
    schema.addStruct(new StructDef(full, d.getName(), IdlKind.PROTO, StructKind.MESSAGE, fields, oneofs,
        d.getOptions().getMapEntry(), options.render(d.getOptions()), file.locate(ElementKeys.message(full))));
    structs.add(full);
    for (Descriptor nested : d.getNestedTypes()) mapMessage(file, nested, structs, enums);
    for (EnumDescriptor e : d.getEnumTypes()) mapEnum(file, e, enums);
  }

  private FieldDef mapField(LoadedFile file, String message, FieldDescriptor f, int oneofIndex) {
    SourceLocation where = file.locate(ElementKeys.field(message, f.getName()));
    boolean proto3 = "proto3".equals(f.getFile().toProto().getSyntax());
    TypeRef type;
    if (f.isMapField()) {
      Descriptor entry = f.getMessageType();
      type = TypeRef.mapOf(elementType(entry.findFieldByNumber(1), file, where), elementType(entry.findFieldByNumber(2), file, where));
    } else if (f.isRepeated()) {
      type = TypeRef.listOf(elementType(f, file, where));
    } else {
      type = elementType(f, file, where);
    }
    Requiredness requiredness;
    boolean presence;
    if (f.isRepeated()) {
      requiredness = Requiredness.DEFAULT;
      presence = false;
    } else if (f.isRequired()) {
      requiredness = Requiredness.REQUIRED;
      presence = true;
    } else if (!proto3 || f.toProto().getProto3Optional()) {
      requiredness = Requiredness.OPTIONAL;
      presence = true;
    } else {
      requiredness = Requiredness.DEFAULT;
      presence = f.getJavaType() == FieldDescriptor.JavaType.MESSAGE || oneofIndex >= 0;
    }
    ConstValue defaultValue = f.toProto().hasDefaultValue() ? constant(f) : null;
    return new FieldDef(f.getNumber(), f.getName(), f.getJsonName(), type, requiredness, presence, defaultValue,
        oneofIndex, f.isPacked(), options.render(f.getOptions()), where);
  }

  private TypeRef elementType(FieldDescriptor f, LoadedFile file, SourceLocation where) {
    return switch (f.getType()) {
      case DOUBLE -> TypeRef.of(Scalar.DOUBLE);
      case FLOAT -> TypeRef.of(Scalar.FLOAT);
      case INT64 -> TypeRef.of(Scalar.INT64);
      case UINT64 -> TypeRef.of(Scalar.UINT64);
      case INT32 -> TypeRef.of(Scalar.INT32);
      case FIXED64 -> TypeRef.of(Scalar.FIXED64);
      case FIXED32 -> TypeRef.of(Scalar.FIXED32);
      case BOOL -> TypeRef.of(Scalar.BOOL);
      case STRING -> TypeRef.of(Scalar.STRING);
      case BYTES -> TypeRef.of(Scalar.BINARY);
      case UINT32 -> TypeRef.of(Scalar.UINT32);
      case SFIXED32 -> TypeRef.of(Scalar.SFIXED32);
      case SFIXED64 -> TypeRef.of(Scalar.SFIXED64);
      case SINT32 -> TypeRef.of(Scalar.SINT32);
      case SINT64 -> TypeRef.of(Scalar.SINT64);
      case ENUM -> TypeRef.named(f.getEnumType().getFullName(), TypeRef.NamedKind.ENUM);
      case MESSAGE -> TypeRef.named(f.getMessageType().getFullName(), TypeRef.NamedKind.STRUCT);
      case GROUP -> {
        problems.add(Problem.of(where, "group field " + f.getName() + " in message " + f.getContainingType().getFullName()
            + " is not supported (expected: a field of a nested message type)"));
        yield TypeRef.named(f.getMessageType().getFullName(), TypeRef.NamedKind.STRUCT);
      }
    };
  }

  private static ConstValue constant(FieldDescriptor f) {
    Object v = f.getDefaultValue();
    return switch (f.getJavaType()) {
      case INT, LONG -> new ConstValue.IntValue(((Number) v).longValue());
      case FLOAT, DOUBLE -> new ConstValue.DoubleValue(((Number) v).doubleValue());
      case BOOLEAN -> new ConstValue.BoolValue((Boolean) v);
      case STRING -> new ConstValue.StringValue((String) v);
      case BYTE_STRING -> new ConstValue.StringValue(((ByteString) v).toStringUtf8());
      case ENUM -> {
        EnumValueDescriptor e = (EnumValueDescriptor) v;
        yield new ConstValue.EnumRef(e.getType().getFullName(), e.getName(), e.getNumber());
      }
      case MESSAGE -> null; // message fields have no default values
    };
  }

  private void mapEnum(LoadedFile file, EnumDescriptor e, List<String> enums) {
    String full = e.getFullName();
    List<EnumValueDef> values = new ArrayList<>();
    for (EnumValueDescriptor v : e.getValues()) {
      values.add(new EnumValueDef(v.getName(), v.getNumber(), options.render(v.getOptions()),
          file.locate(ElementKeys.enumValue(full, v.getName()))));
    }
    schema.addEnum(new EnumDef(full, e.getName(), IdlKind.PROTO, values, options.render(e.getOptions()),
        file.locate(ElementKeys.enumType(full))));
    enums.add(full);
  }

  private ServiceDef mapService(LoadedFile file, ServiceDescriptor s) {
    String full = s.getFullName();
    List<MethodDef> methods = new ArrayList<>();
    for (MethodDescriptor m : s.getMethods()) {
      SourceLocation where = file.locate(ElementKeys.method(full, m.getName()));
      StreamingKind streaming = m.isClientStreaming()
          ? (m.isServerStreaming() ? StreamingKind.BIDI_STREAMING : StreamingKind.CLIENT_STREAMING)
          : (m.isServerStreaming() ? StreamingKind.SERVER_STREAMING : StreamingKind.UNARY);
      methods.add(new MethodDef(m.getName(), full, streaming, false,
          TypeRef.named(m.getInputType().getFullName(), TypeRef.NamedKind.STRUCT),
          TypeRef.named(m.getOutputType().getFullName(), TypeRef.NamedKind.STRUCT),
          List.of(), httpRules(m, where), options.render(m.getOptions()), where));
    }
    return new ServiceDef(full, s.getName(), IdlKind.PROTO, null, methods, options.render(s.getOptions()),
        file.locate(ElementKeys.service(full)));
  }

  private List<HttpRule> httpRules(MethodDescriptor m, SourceLocation where) {
    Message parsed = options.parse(m.getOptions());
    if (!(parsed instanceof MethodOptions opts) || !opts.hasExtension(AnnotationsProto.http)) return List.of();
    List<HttpRule> out = new ArrayList<>();
    addRule(opts.getExtension(AnnotationsProto.http), m, where, out);
    return out;
  }

  private void addRule(com.google.api.HttpRule rule, MethodDescriptor m, SourceLocation where, List<HttpRule> out) {
    String verb;
    String path;
    switch (rule.getPatternCase()) {
      case GET -> { verb = "GET"; path = rule.getGet(); }
      case PUT -> { verb = "PUT"; path = rule.getPut(); }
      case POST -> { verb = "POST"; path = rule.getPost(); }
      case DELETE -> { verb = "DELETE"; path = rule.getDelete(); }
      case PATCH -> { verb = "PATCH"; path = rule.getPatch(); }
      case CUSTOM -> { verb = rule.getCustom().getKind().toUpperCase(Locale.ROOT); path = rule.getCustom().getPath(); }
      case PATTERN_NOT_SET -> {
        verb = null;
        path = null;
      }
      default -> throw new AssertionError(rule.getPatternCase());
    }
    if (verb == null || verb.isEmpty() || path.isEmpty()) {
      problems.add(Problem.of(where, "google.api.http of method " + m.getFullName()
          + " has no verb and path (expected: one of get, put, post, delete, patch or custom with a path)"));
    } else {
      out.add(new HttpRule(verb, path, rule.getBody(), rule.getResponseBody(), where));
    }
    for (com.google.api.HttpRule extra : rule.getAdditionalBindingsList()) addRule(extra, m, where, out);
  }
}
