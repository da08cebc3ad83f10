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
  void wordsTheThriftCompilerReservesGetAnUnderscoreAndStillBind() throws Exception {
    Path source = work.resolve("ranges.proto");
    Files.writeString(source, """
        syntax = "proto3";
        package acme.ranges.v1;
        enum Op {
          OP_UNSPECIFIED = 0;
          OP_END = 1;
          OP_self = 2;
        }
        message Range {
          int64 from = 1;
          int64 end = 2;
          Op op = 3;
          repeated string list = 4;
        }
        service Ranges {
          rpc Import(Range) returns (Range);
        }
        """);
    Schema p = IdlLoader.create().load(List.of(source));
    Path out = work.resolve("ranges.thrift");
    Files.writeString(out, ProtoToThrift.convert(p, p.files().get(0)));
    assertEquals("""
        // Converted from %s by polyglot idl convert.
        namespace * acme.ranges.v1

        enum Op {
          UNSPECIFIED = 0
          END_ = 1
          self_ = 2
        }

        struct Range {
          1: i64 from_
          2: i64 end_
          3: Op op
          4: list<string> list_
        }

        service Ranges {
          Range import_(1: i64 from_, 2: i64 end_, 3: Op op, 4: list<string> list_)
        }
        """.formatted(source), Files.readString(out));
    Schema both = p.merge(IdlLoader.create().load(List.of(out)));
    assertEquals(List.of(), Compatibility.check(both, both.requireService("ranges.Ranges"), both.requireService("acme.ranges.v1.Ranges")).problems());
    assertEquals(List.of(), Compatibility.check(both, both.requireService("acme.ranges.v1.Ranges"), both.requireService("ranges.Ranges")).problems());
    Optional<Path> thrift = ThriftCompiler.find();
    if (thrift.isPresent()) assertEquals(new ThriftCompiler.Result(0, ""), ThriftCompiler.generateJava(thrift.get(), out, work, work.resolve("gen2")));
  }

  @Test
  void proto2RequiredFieldsAndDefaultsCarryOver() throws Exception {
    Path source = work.resolve("orders.proto");
    Files.writeString(source, """
        syntax = "proto2";
        package acme.orders;
        enum Color {
          RED = 1;
          GREEN = 2;
          VERDE = 3;
        }
        message Order {
          required int64 id = 1;
          optional string note = 2 [default = "none \\"quoted\\""];
          optional Color color = 3 [default = GREEN];
          repeated uint32 codes = 4;
        }
        """);
    Schema p = IdlLoader.create().load(List.of(source));
    assertEquals("""
        // Converted from %s by polyglot idl convert.
        namespace * acme.orders

        enum Color {
          RED = 1
          GREEN = 2
          VERDE = 3
        }

        struct Order {
          1: required i64 id
          2: optional string note = "none \\"quoted\\""
          3: optional Color color = Color.GREEN
          4: list<i64> codes
        }
        """.formatted(source), ProtoToThrift.convert(p, p.files().get(0)));
  }

  @Test
  void apacheThriftCompilerAcceptsTheConvertedFile() throws Exception {
    Optional<Path> thrift = ThriftCompiler.find();
    assumeTrue(thrift.isPresent(), "no thrift compiler on PATH");
    assertEquals(new ThriftCompiler.Result(0, ""), ThriftCompiler.generateJava(thrift.get(), converted, work, work.resolve("gen")));
  }
}
