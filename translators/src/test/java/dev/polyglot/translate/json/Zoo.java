package dev.polyglot.translate.json;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.translate.Codecs;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.protobuf.ProtobufCodec;
import dev.polyglot.translate.thrift.ThriftCodecs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON tests' type zoo, loaded from {@code src/test/resources/json/zoo.proto} and
 * {@code zoo.thrift} with the project's own IDL loader, plus the real protobuf-java
 * {@link Descriptors} of the proto file (from the descriptors the loader keeps), so that
 * protobuf-java-util's {@code JsonFormat} can be run on the very same types.
 */
final class Zoo {
  static final Schema PROTO = load("zoo.proto");
  static final Schema THRIFT = load("zoo.thrift");
  static final Plans PROTO_PLANS = Plans.of(PROTO);
  static final Plans THRIFT_PLANS = Plans.of(THRIFT);
  static final Map<String, Descriptors.FileDescriptor> DESCRIPTORS = descriptors(PROTO);

  private Zoo() {}

  static Path resource(String name) {
    try {
      return Path.of(Zoo.class.getResource("/json/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Schema load(String name) {
    try {
      return IdlLoader.create().load(List.of(resource(name)));
    } catch (dev.polyglot.idl.IdlException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static StructPlan proto(String simpleName) {
    return PROTO_PLANS.struct("zoo.v1." + simpleName);
  }

  static StructPlan thrift(String simpleName) {
    return THRIFT_PLANS.struct("zoo." + simpleName);
  }

  /** Every format, JSON with Any resolved among the proto zoo's messages. */
  static Transcoder transcoder(Limits limits) {
    return transcoder(limits, JsonOptions.DEFAULT);
  }

  static Transcoder transcoder(Limits limits, JsonOptions options) {
    return Transcoder.of(Codecs.builder()
        .register(WireFormat.THRIFT_BINARY, ThriftCodecs.BINARY)
        .register(WireFormat.THRIFT_COMPACT, ThriftCodecs.COMPACT)
        .register(WireFormat.PROTOBUF, ProtobufCodec.INSTANCE)
        .register(WireFormat.THRIFT_JSON, JsonCodec.of(JsonDialect.THRIFT, options, null))
        .register(WireFormat.PROTO_JSON, JsonCodec.of(JsonDialect.PROTO, options, AnyTypes.of(PROTO_PLANS, limits)))
        .build(), limits);
  }

  static Descriptors.Descriptor descriptor(String fullName) {
    for (Descriptors.FileDescriptor f : DESCRIPTORS.values()) {
      Descriptors.Descriptor d = f.findMessageTypeByName(fullName.substring(fullName.lastIndexOf('.') + 1));
      if (d != null && d.getFullName().equals(fullName)) return d;
    }
    throw new IllegalArgumentException(fullName);
  }

  private static Map<String, Descriptors.FileDescriptor> descriptors(Schema schema) {
    Map<String, FileDescriptorProto> protos = new HashMap<>();
    try {
      for (IdlFile f : schema.files()) {
        if (f.idl() != IdlKind.PROTO || f.descriptor() == null) continue;
        FileDescriptorProto p = FileDescriptorProto.parseFrom(f.descriptor());
        protos.put(p.getName(), p);
      }
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Descriptors.FileDescriptor> built = new HashMap<>();
    for (String name : protos.keySet()) build(name, protos, built);
    return built;
  }

  private static Descriptors.FileDescriptor build(String name, Map<String, FileDescriptorProto> protos, Map<String, Descriptors.FileDescriptor> built) {
    Descriptors.FileDescriptor done = built.get(name);
    if (done != null) return done;
    FileDescriptorProto p = protos.get(name);
    if (p == null) throw new IllegalStateException("descriptor of " + name + " not loaded");
    Descriptors.FileDescriptor[] deps = new Descriptors.FileDescriptor[p.getDependencyCount()];
    for (int i = 0; i < deps.length; i++) deps[i] = build(p.getDependency(i), protos, built);
    try {
      Descriptors.FileDescriptor f = Descriptors.FileDescriptor.buildFrom(p, deps);
      built.put(name, f);
      return f;
    } catch (Descriptors.DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
  }
}
