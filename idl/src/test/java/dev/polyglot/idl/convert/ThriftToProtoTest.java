package dev.polyglot.idl.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.compat.CompatibilityReport;
import dev.polyglot.idl.compat.Side;
import dev.polyglot.idl.compat.StructCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.EnumNameCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.MapCorrespondence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Thrift → proto3: the reviewed output, accepted by the real protoc, binding back to its source. */
class ThriftToProtoTest {
  private static final Path DIR = Path.of("src/test/resources/convert");
  @TempDir static Path work;
  private static Schema thrift;
  private static Path out;
  private static final List<String> converted = new ArrayList<>();

  @BeforeAll
  static void convert() throws Exception {
    thrift = IdlLoader.create().load(List.of(DIR.resolve("inventory.thrift")));
    out = Files.createDirectories(work.resolve("proto"));
    for (IdlFile f : thrift.files()) {
      String name = ThriftToProto.protoFileName(f);
      Files.writeString(out.resolve(name), ThriftToProto.convert(thrift, f));
      converted.add(name);
    }
  }

  @Test
  void eachIncludedFileBecomesAProtoFileOfItsOwn() {
    assertEquals(List.of("common.proto", "inventory.proto"), converted);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"inventory.proto", "common.proto"})
  void convertedFileMatchesTheReviewedText(String name) throws Exception {
    assertEquals(Files.readString(DIR.resolve("expected").resolve(name)), Files.readString(out.resolve(name)));
  }

  @Test
  void httpAnnotationsBecomeGoogleApiHttpRulesThatTheProtoLoaderReadsBack() throws Exception {
    Schema proto = IdlLoader.withIncludePaths(List.of(out)).load(List.of(out.resolve("inventory.proto")));
    ServiceDef service = proto.requireService("dev.polyglot.inventory.Inventory");
    assertEquals(List.of("GET /v1/items/{sku} body="), rules(service.method("GetItem").orElseThrow()));
    assertEquals(List.of("POST /v1/items:find body=selector", "GET /v1/items body="), rules(service.method("Find").orElseThrow()));
  }

  private static List<String> rules(MethodDef m) {
    return m.httpRules().stream().map(r -> r.verb() + " " + r.pathTemplate() + " body=" + r.body()).toList();
  }

  @Test
  void structKeyedMapCannotBeConvertedAndNamesTheField() throws Exception {
    Path bad = work.resolve("bad.thrift");
    Files.writeString(bad, """
        struct Point {
          1: i32 x
        }
        struct Heat {
          1: map<Point, i64> byPoint
          2: map<double, string> byWeight
        }
        service Maps {
          map<Point, i64> heat()
        }
        """);
    Schema s = IdlLoader.create().load(List.of(bad));
    IdlException e = assertThrows(IdlException.class, () -> ThriftToProto.convert(s, s.files().get(0)));
    assertEquals(bad + ":5:3: cannot convert map<Point, i64> of field byPoint to proto (proto map keys are integers, bool or string)\n"
        + bad + ":6:3: cannot convert map<double, string> of field byWeight to proto (proto map keys are integers, bool or string)\n"
        + bad + ":9:3: cannot convert map<Point, i64> of the result of Maps.heat to proto (proto map keys are integers, bool or string)",
        e.getMessage());
  }

  @Test
  void packageComesFromNamespaceJavaThenStarThenTheFileStemWithAVersion() throws Exception {
    assertEquals(List.of("dev.polyglot.common", "dev.polyglot.inventory"), thrift.files().stream().map(ThriftToProto::protoPackage).toList());
    Path star = work.resolve("star.thrift");
    Files.writeString(star, "namespace * acme.star\nstruct A {\n  1: i32 x\n}\n");
    Path plain = work.resolve("plain.thrift");
    Files.writeString(plain, "struct B {\n  1: i32 y\n}\n");
    Schema s = IdlLoader.create().load(List.of(star, plain));
    assertEquals("acme.star", ThriftToProto.protoPackage(s.files().get(0)));
    assertEquals("plain.v1", ThriftToProto.protoPackage(s.files().get(1)));
  }

  @Test
  void realProtocAcceptsTheConvertedFiles() throws Exception {
    Protoc.Result r = Protoc.compile(out, converted, work);
    assertEquals("", r.stderr());
    assertEquals(0, r.exitCode());
  }

  @Test
  void convertedServiceBindsBackToItsThriftSourceWithNoProblems() throws Exception {
    Schema proto = IdlLoader.withIncludePaths(List.of(out)).load(List.of(out.resolve("inventory.proto")));
    Schema both = thrift.merge(proto);
    CompatibilityReport toProto = Compatibility.check(both, both.requireService("inventory.Inventory"), both.requireService("dev.polyglot.inventory.Inventory"));
    assertEquals(List.of(), toProto.problems());
    StructCorrespondence item = toProto.structs().stream().filter(x -> x.caller().qualifiedName().equals("inventory.Item")).findFirst().orElseThrow();
    MapCorrespondence counts = (MapCorrespondence) item.fields().get(14).value();
    assertEquals(new EnumNameCorrespondence(Side.CALLER, both.requireEnum("inventory.Unit"), counts.callerType().key(), counts.backendType().key()),
        counts.key());
    CompatibilityReport toThrift = Compatibility.check(both, both.requireService("dev.polyglot.inventory.Inventory"), both.requireService("inventory.Inventory"));
    assertEquals(List.of(), toThrift.problems());
  }
}
