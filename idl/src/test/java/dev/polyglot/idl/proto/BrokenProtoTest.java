package dev.polyglot.idl.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case is one mistake in one file; {@code $} in the expected text stands for the file's folder. */
class BrokenProtoTest {
  @TempDir Path dir;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("a missing semicolon", "syntax = \"proto3\";\npackage b;\nmessage A {\n  int32 id = 1\n}\n",
            "$/broken.proto:5:2: syntax error: expected ';' but was '}'"),
        Arguments.of("an unknown syntax", "syntax = \"proto4\";\npackage b;\nmessage A {}\n",
            "$/broken.proto:1:1: syntax error: unexpected syntax: proto4"),
        Arguments.of("an unterminated string", "syntax = \"proto3\";\npackage b;\nmessage A {\n  string s = 1 [json_name = \"x];\n}\n",
            "$/broken.proto:6:1: syntax error: unterminated string"),
        Arguments.of("a file that ends inside a message", "syntax = \"proto3\";\npackage b;\nmessage A {\n  int32 a = 1;\n",
            "$/broken.proto:5:1: syntax error: unexpected end of file"),
        Arguments.of("a required field in proto3", "syntax = \"proto3\";\npackage b;\nmessage A {\n  required int32 a = 1;\n}\n",
            "$/broken.proto:4:3: syntax error: 'required' label forbidden in proto3 field declarations"),
        Arguments.of("a group", "syntax = \"proto2\";\npackage b;\nmessage A {\n  optional group Result = 1 {\n    optional string url = 2;\n  }\n}\n",
            "$/broken.proto:4:3: groups are not supported (expected: a field of a nested message type)"),
        Arguments.of("an unknown field type", "syntax = \"proto3\";\npackage b;\nmessage A {\n  Missing m = 1;\n}\n",
            "$/broken.proto:4:3: unknown type Missing for field m in message b.A"),
        Arguments.of("a misspelt scalar", "syntax = \"proto3\";\npackage b;\nmessage A {\n  int33 a = 1;\n}\n",
            "$/broken.proto:4:3: unknown type int33 for field a in message b.A"),
        Arguments.of("an unknown map value type", "syntax = \"proto3\";\npackage b;\nmessage A {\n  map<string, Nope> m = 1;\n}\n",
            "$/broken.proto:4:3: unknown type Nope for field m in message b.A"),
        Arguments.of("a floating-point map key", "syntax = \"proto3\";\npackage b;\nmessage A {\n  map<double, string> m = 1;\n}\n",
            "$/broken.proto:4:3: map key type double is not allowed (expected: an integer type, bool or string)"),
        Arguments.of("an unknown rpc request type", "syntax = \"proto3\";\npackage b;\nmessage A {}\nservice S {\n  rpc Get(Nope) returns (A);\n}\n",
            "$/broken.proto:5:3: unknown type Nope for rpc Get in service b.S"),
        Arguments.of("an enum as rpc request", "syntax = \"proto3\";\npackage b;\nenum E { Z = 0; }\nservice S {\n  rpc Get(E) returns (E);\n}\n",
            "$/broken.proto:5:3: expected a message but was E for rpc Get in service b.S"),
        Arguments.of("a duplicate field number", "syntax = \"proto3\";\npackage b;\nmessage A {\n  int32 a = 1;\n  string b = 1;\n}\n",
            "$/broken.proto:5:3: field number 1 is used more than once (a, b) for message b.A"),
        Arguments.of("a duplicate field name", "syntax = \"proto3\";\npackage b;\nmessage A {\n  int32 a = 1;\n  string a = 2;\n}\n",
            "$/broken.proto:5:3: field name a is used more than once for message b.A"),
        Arguments.of("a duplicate JSON name", "syntax = \"proto3\";\npackage b;\nmessage A {\n  int32 a = 1 [json_name = \"x\"];\n  int32 b = 2 [json_name = \"x\"];\n}\n",
            "$/broken.proto:5:3: JSON name x is used by more than one field (a, b) for message b.A"),
        Arguments.of("field number zero", "syntax = \"proto3\";\npackage b;\nmessage A {\n  int32 a = 0;\n}\n",
            "$/broken.proto:4:3: field number 0 is out of range (expected: 1-536870911 outside 19000-19999) for field a in message b.A"),
        Arguments.of("a reserved field number", "syntax = \"proto3\";\npackage b;\nmessage A {\n  reserved 2;\n  int32 a = 2;\n}\n",
            "$/broken.proto:5:3: field number 2 is reserved ($/broken.proto:4:3) for field a in message b.A"),
        Arguments.of("a default value in proto3", "syntax = \"proto3\";\npackage b;\nmessage A {\n  int32 a = 1 [default = 5];\n}\n",
            "$/broken.proto:4:3: user-defined default values are not permitted in proto3 for field a in message b.A"),
        Arguments.of("a proto3 enum without zero", "syntax = \"proto3\";\npackage b;\nenum Color {\n  RED = 1;\n}\n",
            "$/broken.proto:3:1: missing a zero value at the first element in proto3 for enum b.Color"),
        Arguments.of("an enum number used twice without allow_alias", "syntax = \"proto3\";\npackage b;\nenum Color {\n  NONE = 0;\n  RED = 1;\n  ROUGE = 1;\n}\n",
            "$/broken.proto:6:3: enum value number 1 is used more than once (RED, ROUGE) for enum b.Color (expected: distinct numbers, or option allow_alias = true)"),
        Arguments.of("a duplicate message name", "syntax = \"proto3\";\npackage b;\nmessage A {}\nmessage A {}\n",
            "$/broken.proto:4:1: A is already defined at $/broken.proto:3:1"),
        Arguments.of("a duplicate rpc name", "syntax = \"proto3\";\npackage b;\nmessage A {}\nservice S {\n  rpc Get(A) returns (A);\n  rpc Get(A) returns (A);\n}\n",
            "$/broken.proto:6:3: rpc name Get is used more than once for service b.S"),
        Arguments.of("an unknown custom option", "syntax = \"proto3\";\npackage b;\nmessage A {\n  int32 a = 1 [(nope.opt) = 1];\n}\n",
            "$/broken.proto:4:3: unknown option nope.opt for field a in message b.A"),
        Arguments.of("a missing import", "syntax = \"proto3\";\npackage b;\n\nimport \"acme/nowhere.proto\";\nmessage A {}\n",
            "$/broken.proto:4:1: import \"acme/nowhere.proto\" not found (searched: $, built-in google/protobuf, google/api, google/rpc)"),
        Arguments.of("an extension outside the declared range", "syntax = \"proto2\";\npackage b;\nmessage A {\n  extensions 100 to 200;\n}\nextend A {\n  optional int32 x = 5;\n}\n",
            "$/broken.proto:7:3: \"b.A\" does not declare 5 as an extension number."),
        Arguments.of("an http rule without a verb", "syntax = \"proto3\";\npackage b;\nimport \"google/api/annotations.proto\";\nmessage A {}\n"
                + "service S {\n  rpc Get(A) returns (A) {\n    option (google.api.http) = { body: \"*\" };\n  }\n}\n",
            "$/broken.proto:6:3: google.api.http of method b.S.Get has no verb and path (expected: one of get, put, post, delete, patch or custom with a path)"));
  }

  @ParameterizedTest(name = "{0} is reported with its position")
  @MethodSource("mistakes")
  void aMistakeIsReportedWithFileLineColumnAndASentence(String mistake, String text, String expected) throws Exception {
    Path file = Files.writeString(dir.resolve("broken.proto"), text);
    IdlException e = assertThrows(IdlException.class, () -> ProtoLoader.load(List.of(file), List.of(), List.of()));
    assertEquals(expected.replace("$", dir.toString()), e.getMessage());
    assertEquals(1, e.problems().size());
  }

  @Test
  void problemsOfEveryFileAreReportedTogether() throws Exception {
    Path a = Files.writeString(dir.resolve("a.proto"), "syntax = \"proto3\";\npackage b;\nmessage A {\n  int32 id = 1\n}\n");
    Path c = Files.writeString(dir.resolve("c.proto"), "syntax = \"proto3\";\npackage c;\nmessage C {\n  Missing m = 1;\n  int32 x = 2;\n  int32 y = 2;\n}\n");
    IdlException e = assertThrows(IdlException.class, () -> ProtoLoader.load(List.of(a, c), List.of(), List.of()));
    assertEquals(List.of(
        Problem.of(SourceLocation.of(dir + "/a.proto", 5, 2), "syntax error: expected ';' but was '}'"),
        Problem.of(SourceLocation.of(dir + "/c.proto", 4, 3), "unknown type Missing for field m in message c.C"),
        Problem.of(SourceLocation.of(dir + "/c.proto", 6, 3), "field number 2 is used more than once (x, y) for message c.C")),
        e.problems());
  }

  @Test
  void aMissingFileIsReported() {
    Path missing = dir.resolve("absent.proto");
    IdlException e = assertThrows(IdlException.class, () -> ProtoLoader.load(List.of(missing), List.of(), List.of()));
    assertEquals(missing + ":1:1: file not found", e.getMessage());
  }

  @Test
  void aSyntaxErrorInAnImportedFileIsReportedAtThatFile() throws Exception {
    Files.writeString(dir.resolve("dep.proto"), "syntax = \"proto3\";\npackage d;\nmessage D {\n  int32 id = 1\n}\n");
    Path main = Files.writeString(dir.resolve("main.proto"), "syntax = \"proto3\";\npackage m;\nimport \"dep.proto\";\nmessage M {\n  d.D d = 1;\n}\n");
    IdlException e = assertThrows(IdlException.class, () -> ProtoLoader.load(List.of(main), List.of(), List.of(dir)));
    assertEquals(dir + "/dep.proto:5:2: syntax error: expected ';' but was '}'", e.getMessage());
  }
}
