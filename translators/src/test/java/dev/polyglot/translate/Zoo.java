package dev.polyglot.translate;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import java.nio.file.Path;
import java.util.List;

/** The type zoo: {@code zoo/zoo.thrift} and {@code zoo/zoo.proto} loaded by the real IDL loaders. */
final class Zoo {
  static final Schema SCHEMA = load();
  static final Plans PLANS = Plans.of(SCHEMA);
  static final FileDescriptor PROTO_FILE = protoFile();

  private Zoo() {}

  static StructPlan thrift(String simpleName) {
    return PLANS.struct("zoo." + simpleName);
  }

  static StructPlan proto(String simpleName) {
    return PLANS.struct("zoo.v1." + simpleName);
  }

  /** The protobuf-java descriptor of a zoo message, built from the loader's FileDescriptorProto. */
  static Descriptor descriptor(String simpleName) {
    return PROTO_FILE.findMessageTypeByName(simpleName);
  }

  private static Schema load() {
    try {
      Path thrift = Path.of(Zoo.class.getResource("/zoo/zoo.thrift").toURI());
      Path proto = Path.of(Zoo.class.getResource("/zoo/zoo.proto").toURI());
      return IdlLoader.withIncludePaths(List.of(proto.getParent())).load(List.of(thrift, proto));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static FileDescriptor protoFile() {
    try {
      for (IdlFile f : SCHEMA.files()) {
        if (f.idl() == IdlKind.PROTO && f.path().endsWith("zoo.proto")) {
          return FileDescriptor.buildFrom(FileDescriptorProto.parseFrom(f.descriptor()), new FileDescriptor[0]);
        }
      }
      throw new IllegalStateException("zoo.proto not loaded");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
