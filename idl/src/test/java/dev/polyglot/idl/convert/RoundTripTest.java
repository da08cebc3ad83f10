package dev.polyglot.idl.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.compat.CompatProblem;
import dev.polyglot.idl.compat.Compatibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every IDL the loaders are tested with, converted with everything it includes: the converted files
 * are accepted by protoc (or re-parsed by our Thrift loader), and every service binds back to its
 * source in both directions, streaming rpcs toward Thrift being the only expected problems.
 */
class RoundTripTest {
  @TempDir Path work;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "src/test/resources/thrift/model/everything.thrift, ''",
      "src/test/resources/thrift/model/warehouse.thrift, src/test/resources/thrift/model/inc",
      "src/test/resources/convert/inventory.thrift, ''",
      "src/test/resources/compat/feed_v2.thrift, ''",
  })
  void thriftConvertsToProtoThatProtocAcceptsAndThatBindsBack(String file, String includeDir) throws Exception {
    List<Path> includes = includeDir.isEmpty() ? List.of() : List.of(Path.of(includeDir));
    Schema thrift = IdlLoader.withIncludePaths(includes).load(List.of(Path.of(file)));
    List<String> names = new ArrayList<>();
    for (IdlFile f : thrift.files()) {
      Files.writeString(work.resolve(ThriftToProto.protoFileName(f)), ThriftToProto.convert(thrift, f));
      names.add(ThriftToProto.protoFileName(f));
    }
    Protoc.Result compiled = Protoc.compile(work, names, work);
    assertEquals(new Protoc.Result(0, ""), compiled);

    List<Path> protos = names.stream().map(work::resolve).toList();
    Schema both = thrift.merge(IdlLoader.withIncludePaths(List.of(work)).load(protos));
    for (IdlFile f : thrift.files()) {
      for (String service : f.services()) {
        ServiceDef source = both.requireService(service);
        ServiceDef converted = both.requireService(ThriftToProto.protoPackage(f) + "." + source.name());
        assertEquals(List.of(), Compatibility.check(both, source, converted).problems(), service + " -> proto");
        assertEquals(List.of(), Compatibility.check(both, converted, source).problems(), "proto -> " + service);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "src/test/resources/proto/main/acme/shop/v1/shop.proto",
      "src/test/resources/proto/main/acme/legacy/legacy.proto",
      "src/test/resources/convert/catalog.proto",
      "src/test/resources/compat/modern.proto",
  })
  void protoConvertsToThriftThatBindsBack(String file) throws Exception {
    Schema proto = IdlLoader.withIncludePaths(List.of(Path.of("src/test/resources/proto/shared"), Path.of("src/test/resources/proto/main")))
        .load(List.of(Path.of(file)));
    List<Path> written = new ArrayList<>();
    for (IdlFile f : proto.files()) {
      if (f.idl() != IdlKind.PROTO || f.scope().startsWith("google.")) continue;
      Path out = work.resolve(ProtoToThrift.thriftFileName(f));
      Files.writeString(out, ProtoToThrift.convert(proto, f));
      written.add(out);
    }
    Optional<Path> thrift = ThriftCompiler.find();
    if (thrift.isPresent()) { // not a Maven artifact: checked where installed
      for (Path w : written) assertEquals(new ThriftCompiler.Result(0, ""), ThriftCompiler.generateJava(thrift.get(), w, work, work.resolve("gen")), w.toString());
    }
    Schema both = proto.merge(IdlLoader.create().load(written));
    for (IdlFile f : proto.files()) {
      if (f.scope().startsWith("google.")) continue;
      for (String service : f.services()) {
        ServiceDef source = both.requireService(service);
        String stem = ProtoToThrift.thriftFileName(f).replace(".thrift", "");
        ServiceDef converted = both.requireService(stem + "." + source.name());
        List<String> streaming = source.methods().stream().filter(m -> m.streaming() != StreamingKind.UNARY)
            .map(m -> "error: " + m.name() + ": " + m.streaming().name().toLowerCase().replace('_', '-')
                + " method has no Thrift counterpart (Thrift methods are unary)")
            .toList();
        assertEquals(streaming, Compatibility.check(both, source, converted).problems().stream().map(CompatProblem::toString).toList(),
            service + " -> thrift");
        assertEquals(List.of(), Compatibility.check(both, converted, source).problems(), "thrift -> " + service);
      }
    }
  }
}
