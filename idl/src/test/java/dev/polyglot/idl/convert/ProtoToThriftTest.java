package dev.polyglot.idl.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.compat.CompatibilityReport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Path thrift = null;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "thrift");
      if (Files.isExecutable(candidate)) thrift = candidate;
    }
    assumeTrue(thrift != null, "no thrift compiler on PATH");
    Path gen = Files.createDirectories(work.resolve("gen"));
    Process p = new ProcessBuilder(thrift.toString(), "--gen", "java", "-out", gen.toString(), converted.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), output);
  }
}
