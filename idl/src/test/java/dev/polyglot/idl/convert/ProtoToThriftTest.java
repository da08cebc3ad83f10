package dev.polyglot.idl.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.compat.CompatibilityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** proto → Thrift: the reviewed output, re-parsed by our Thrift loader, binding back to its source. */
class ProtoToThriftTest {
  private static final Path DIR = Path.of("src/test/resources/convert");
  @TempDir static Path work;
  private static Schema proto;
  private static Path converted;

  @BeforeAll
  static void convert() throws Exception {
    proto = IdlLoader.create().load(List.of(DIR.resolve("catalog.proto")));
    IdlFile file = proto.files().stream().filter(f -> f.path().endsWith("catalog.proto")).findFirst().orElseThrow();
    converted = work.resolve(ProtoToThrift.thriftFileName(file));
    Files.writeString(converted, ProtoToThrift.convert(proto, file));
  }

  @Test
  void convertedFileMatchesTheReviewedText() throws Exception {
    assertEquals(Files.readString(DIR.resolve("expected/catalog.thrift")), Files.readString(converted));
  }

  @Test
  void convertedThriftBindsToTheProtoServiceWithNoProblems() throws Exception {
    Schema both = proto.merge(IdlLoader.create().load(List.of(converted)));
    CompatibilityReport report = Compatibility.check(both, both.requireService("catalog.Catalog"), both.requireService("acme.catalog.v1.Catalog"));
    assertEquals(List.of(), report.problems());
    assertEquals(5, report.methods().size());
  }

  @Test
  void protoCallerBindsBackExceptForTheStreamingRpcsThriftCannotExpress() throws Exception {
    Schema both = proto.merge(IdlLoader.create().load(List.of(converted)));
    CompatibilityReport report = Compatibility.check(both, both.requireService("acme.catalog.v1.Catalog"), both.requireService("catalog.Catalog"));
    assertEquals(List.of(
            "error: WatchPrices: server-streaming method has no Thrift counterpart (Thrift methods are unary)",
            "error: UploadPrices: client-streaming method has no Thrift counterpart (Thrift methods are unary)"),
        report.problems().stream().map(Object::toString).toList());
    assertEquals(5, report.methods().size());
  }

  @Test
  void apacheThriftCompilerAcceptsTheConvertedFile() throws Exception {
    Optional<Path> thrift = ThriftCompiler.find();
    assumeTrue(thrift.isPresent(), "no thrift compiler on PATH");
    assertEquals(new ThriftCompiler.Result(0, ""), ThriftCompiler.generateJava(thrift.get(), converted, work, work.resolve("gen")));
  }
}
