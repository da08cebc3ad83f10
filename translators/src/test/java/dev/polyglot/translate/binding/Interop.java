package dev.polyglot.translate.binding;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.compat.CompatibilityReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * The project's interop IDLs, read from the conformance module's sources (tests run in the module
 * directory), bound both ways, plus the reference libraries' views of them: protobuf-java
 * descriptors built from the loader's own {@code FileDescriptorProto}, and libthrift protocols.
 */
final class Interop {
  static final Path THRIFT = Path.of("../conformance-tests/src/main/resources/idl/interop.thrift");
  static final Path PROTO_ROOT = Path.of("../conformance-tests/src/main/proto");
  static final Path PROTO = PROTO_ROOT.resolve("polyglot/interop/v1/interop.proto");
  static final String THRIFT_SERVICE = "interop.Interop";
  static final String PROTO_SERVICE = "polyglot.interop.v1.InteropService";

  static final Schema SCHEMA = load();
  static final BindingSchema BINDINGS = BindingSchema.of(SCHEMA);
  static final CompatibilityReport THRIFT_TO_PROTO = check(THRIFT_SERVICE, PROTO_SERVICE);
  static final CompatibilityReport PROTO_TO_THRIFT = check(PROTO_SERVICE, THRIFT_SERVICE);
  static final CompatibilityReport THRIFT_TO_THRIFT = check(THRIFT_SERVICE, THRIFT_SERVICE);
  static final FileDescriptor PROTO_FILE = protoFile();

  private Interop() {}

  /** A Thrift caller of a proto backend. */
  static MethodBinding thriftToProto(String thriftMethod) {
    return MethodBinding.compile(BINDINGS, THRIFT_TO_PROTO.method(thriftMethod).orElseThrow());
  }

  /** A proto caller of a Thrift backend. */
  static MethodBinding protoToThrift(String protoMethod) {
    return MethodBinding.compile(BINDINGS, PROTO_TO_THRIFT.method(protoMethod).orElseThrow());
  }

  /** A Thrift service called in another format (an HTTP JSON caller of the Thrift service). */
  static MethodBinding thriftToThrift(String method) {
    return MethodBinding.compile(BINDINGS, THRIFT_TO_THRIFT.method(method).orElseThrow());
  }

  static Descriptor descriptor(String simpleName) {
    return PROTO_FILE.findMessageTypeByName(simpleName);
  }

  static DynamicMessage parse(String simpleName, byte[] bytes) throws Exception {
    return DynamicMessage.parseFrom(descriptor(simpleName), bytes);
  }

  static DynamicMessage.Builder message(String simpleName) {
    return DynamicMessage.newBuilder(descriptor(simpleName));
  }

  /** Writes Thrift bytes with libthrift's own protocol. */
  interface ThriftBody {
    void write(TProtocol out) throws Exception;
  }

  static byte[] thrift(boolean compact, ThriftBody body) throws Exception {
    TMemoryBuffer buffer = new TMemoryBuffer(64);
    TProtocol out = compact ? new TCompactProtocol(buffer) : new TBinaryProtocol(buffer);
    body.write(out);
    return java.util.Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  static byte[] thrift(ThriftBody body) throws Exception {
    return thrift(false, body);
  }

  static TProtocol thriftReader(boolean compact, byte[] bytes) throws Exception {
    TMemoryInputTransport in = new TMemoryInputTransport(bytes);
    return compact ? new TCompactProtocol(in) : new TBinaryProtocol(in);
  }

  private static Schema load() {
    try {
      return IdlLoader.withIncludePaths(List.of(PROTO_ROOT)).load(List.of(THRIFT, PROTO));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static CompatibilityReport check(String caller, String backend) {
    ServiceDef c = SCHEMA.requireService(caller);
    ServiceDef b = SCHEMA.requireService(backend);
    CompatibilityReport report = Compatibility.check(SCHEMA, c, b);
    if (!report.bridgeable()) throw new IllegalStateException(report.render());
    return report;
  }

  private static FileDescriptor protoFile() {
    try {
      for (IdlFile f : SCHEMA.files()) {
        if (f.idl() == IdlKind.PROTO && f.path().endsWith("interop.proto")) {
          FileDescriptorProto proto = FileDescriptorProto.parseFrom(f.descriptor());
          List<FileDescriptor> deps = new ArrayList<>();
          for (String d : proto.getDependencyList()) {
            if (d.equals("google/api/annotations.proto")) deps.add(com.google.api.AnnotationsProto.getDescriptor());
            else if (d.equals("google/protobuf/empty.proto")) deps.add(com.google.protobuf.EmptyProto.getDescriptor());
            else throw new IllegalStateException("unexpected import " + d);
          }
          return FileDescriptor.buildFrom(proto, deps.toArray(new FileDescriptor[0]));
        }
      }
      throw new IllegalStateException("interop.proto not loaded");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
