package dev.polyglot.idl.thrift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.idl.ConstDef;
import dev.polyglot.idl.ConstValue;
import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.TypeRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThriftLoaderErrorsAndIncludesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private String rel(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void oneFileWithThreeMistakesReportsAllThreeInOneException() throws IOException {
    Path main = write("orders.thrift", """
        struct Order {
          1: string id
          1: i64 total
        }
        const i8 LIMIT = 1000
        service Orders {
          Ordr get(1: string id)
        }
        """);
    IdlException e = assertThrows(IdlException.class, () -> ThriftLoader.load(List.of(main), List.of()));
    String f = main.toString();
    assertEquals(List.of(
            Problem.of(SourceLocation.of(f, 3, 3), "field id 1 of 'total' is already used by 'id' in struct Order (expected: a unique id)"),
            Problem.of(SourceLocation.of(f, 5, 18), "value 1000 does not fit type i8 (expected: an integer from -128 to 127)"),
            Problem.of(SourceLocation.of(f, 7, 3), "unknown type 'Ordr' (expected: a base type, a container, or a struct, union, "
                + "exception, enum or typedef in scope)")),
        e.problems().stream().sorted().toList());
    assertEquals(f + ":3:3: field id 1 of 'total' is already used by 'id' in struct Order (expected: a unique id)\n"
            + f + ":5:18: value 1000 does not fit type i8 (expected: an integer from -128 to 127)\n"
            + f + ":7:3: unknown type 'Ordr' (expected: a base type, a container, or a struct, union, exception, enum or typedef in scope)",
        e.getMessage());
  }

  @Test
  void syntaxErrorsInSeveralDefinitionsAreAllReportedAfterRecovery() throws IOException {
    Path main = write("broken.thrift", """
        struct A {
          1: i32 = 5
        }
        enum B { X = }
        struct C {
          1: Unknown u
        }
        """);
    IdlException e = assertThrows(IdlException.class, () -> ThriftLoader.load(List.of(main), List.of()));
    String f = main.toString();
    assertEquals(List.of(
            f + ":2:10: unexpected '=' (expected: a field name)",
            f + ":4:14: unexpected '}' (expected: an integer value for X)",
            f + ":6:6: unknown type 'Unknown' (expected: a base type, a container, or a struct, union, exception, enum or typedef in scope)"),
        e.problems().stream().sorted().map(Problem::toString).toList());
  }

  @Test
  void aFileIncludedTwiceThroughADiamondIsLoadedOnce() throws Exception {
    write("base.thrift", "struct Id {\n  1: string value\n}\n");
    write("left.thrift", "include \"base.thrift\"\nstruct L {\n  1: base.Id id\n}\n");
    write("right.thrift", "include \"base.thrift\"\nstruct R {\n  1: base.Id id\n}\n");
    Path top = write("top.thrift", "include \"left.thrift\"\ninclude \"right.thrift\"\nstruct T {\n  1: left.L l\n  2: right.R r\n}\n");
    Schema schema = ThriftLoader.load(List.of(top, dir.resolve("base.thrift")), List.of());
    assertEquals(List.of(rel("base.thrift"), rel("left.thrift"), rel("right.thrift"), rel("top.thrift")),
        schema.files().stream().map(IdlFile::path).toList());
    assertEquals(List.of("base.Id", "left.L", "right.R", "top.T"), schema.structs().stream().map(StructDef::qualifiedName).toList());
    assertEquals(TypeRef.named("base.Id", TypeRef.NamedKind.STRUCT), schema.requireStruct("right.R").fields().get(0).type());
  }

  @Test
  void includesAreNotTransitive() throws IOException {
    write("base.thrift", "struct Id {\n  1: string value\n}\n");
    write("middle.thrift", "include \"base.thrift\"\n");
    Path top = write("top.thrift", "include \"middle.thrift\"\nstruct T {\n  1: base.Id id\n}\n");
    IdlException e = assertThrows(IdlException.class, () -> ThriftLoader.load(List.of(top), List.of()));
    assertEquals(List.of(top + ":3:6: unknown type 'base.Id': no included file is named base.thrift (expected: include \"base.thrift\" to use its types)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void theIncludingFilesDirectoryWinsOverTheIncludePath() throws Exception {
    write("api/common.thrift", "const string ORIGIN = \"next to the includer\"\n");
    write("lib/common.thrift", "const string ORIGIN = \"on the include path\"\n");
    write("lib/extra.thrift", "const i32 ONLY_HERE = 1\n");
    Path api = write("api/api.thrift", "include \"common.thrift\"\ninclude \"extra.thrift\"\ninclude \"sub/deep.thrift\"\n"
        + "const string WHERE = common.ORIGIN\nconst i32 N = extra.ONLY_HERE\nconst i32 D = deep.DEEP\n");
    write("api/sub/deep.thrift", "const i32 DEEP = 3\n");
    Schema schema = ThriftLoader.load(List.of(api), List.of(dir.resolve("lib")));
    IdlFile file = schema.files().stream().filter(f -> f.scope().equals("api")).findFirst().orElseThrow();
    assertEquals(List.of(rel("api/common.thrift"), rel("lib/extra.thrift"), rel("api/sub/deep.thrift")), file.includes());
    assertEquals(List.of(new ConstValue.StringValue("next to the includer"), new ConstValue.IntValue(1), new ConstValue.IntValue(3)),
        file.constants().stream().map(ConstDef::value).toList());
  }

  @Test
  void aMissingRootFileIsAProblemNotAnException() {
    Path missing = dir.resolve("absent.thrift");
    IdlException e = assertThrows(IdlException.class, () -> ThriftLoader.load(List.of(missing), List.of()));
    assertEquals(List.of(missing + ":1:1: file not found (expected: a readable .thrift file)"), e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void twoFilesWithTheSameStemAreRejectedBecauseTheirNamesWouldCollide() throws IOException {
    Path a = write("a/types.thrift", "struct X {}\n");
    Path b = write("b/types.thrift", "struct Y {}\n");
    IdlException e = assertThrows(IdlException.class, () -> ThriftLoader.load(List.of(a, b), List.of()));
    assertEquals(List.of(b + ":1:1: file name stem 'types' is already used by " + a
            + " (expected: distinct file names, because definitions are qualified by file name)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void theIdlLoaderHandsThriftFilesToThisLoaderAndAcceptsAByteOrderMark() throws Exception {
    Path file = write("bom.thrift", "\uFEFFservice Echo {\n  string echo(1: string text)\n}\n");
    Schema schema = IdlLoader.create().load(List.of(file));
    assertEquals(List.of("echo"), schema.requireService("bom.Echo").methods().stream().map(m -> m.name()).toList());
    assertEquals(TypeRef.of(Scalar.STRING), schema.requireStruct("bom.Echo.echo_args").fields().get(0).type());
  }
}
