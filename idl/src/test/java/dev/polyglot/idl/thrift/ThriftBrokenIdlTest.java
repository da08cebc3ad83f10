package dev.polyglot.idl.thrift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One mistake per case: the loader must report exactly the listed problems, as {@code file:line:col:
 * message} with the file relative to the case's folder. The first file of a case is the one loaded.
 */
class ThriftBrokenIdlTest {
  record Idl(String name, String text) {}

  private static Idl idl(String name, String text) {
    return new Idl(name, text);
  }

  private static Arguments broken(String mistake, List<Idl> files, List<String> problems) {
    return Arguments.of(mistake, files, problems);
  }

  /** Loads the first file of {@code files} written into {@code dir}; returns the problems, sorted, relative to {@code dir}. */
  static List<String> problems(Path dir, List<Idl> files) throws IOException {
    for (Idl f : files) Files.writeString(dir.resolve(f.name()), f.text());
    IdlException e = assertThrows(IdlException.class, () -> ThriftLoader.load(List.of(dir.resolve(files.get(0).name())), List.of()));
    String prefix = dir + File.separator;
    return e.problems().stream().sorted().map(Problem::toString).map(p -> p.startsWith(prefix) ? p.substring(prefix.length()) : p).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsEveryProblemWithItsLocation(String mistake, List<Idl> files, List<String> expected, @TempDir Path dir) throws IOException {
    List<String> actual = problems(dir, files);
    assertEquals(expected, actual);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        broken("a misspelled type name",
            List.of(idl("main.thrift", """
            struct Order {
              1: Itme item
            }
            """)),
            List.of(
                "main.thrift:2:6: unknown type 'Itme' (expected: a base type, a container, or a struct, union, exception, enum or typedef in scope)")),
        broken("two fields with the same id",
            List.of(idl("main.thrift", """
            struct Order {
              1: string sku
              1: i32 qty
            }
            """)),
            List.of(
                "main.thrift:3:3: field id 1 of 'qty' is already used by 'sku' in struct Order (expected: a unique id)")),
        broken("two fields with the same name",
            List.of(idl("main.thrift", """
            struct Order {
              1: string sku
              2: i32 sku
            }
            """)),
            List.of(
                "main.thrift:3:3: field name 'sku' is already used in struct Order (expected: a unique name)")),
        broken("a field id of zero",
            List.of(idl("main.thrift", """
            struct Order {
              0: string sku
            }
            """)),
            List.of(
                "main.thrift:2:3: field id 0 of 'sku' is out of range (expected: 1-32767)")),
        broken("two enum values with the same explicit number",
            List.of(idl("main.thrift", """
            enum Status {
              ACTIVE = 1,
              RETIRED = 1
            }
            """)),
            List.of(
                "main.thrift:3:13: enum value RETIRED = 1 is already used by ACTIVE in enum Status (expected: a unique number)")),
        broken("two enum values with the same name",
            List.of(idl("main.thrift", """
            enum Status {
              ACTIVE,
              ACTIVE
            }
            """)),
            List.of(
                "main.thrift:3:3: enum value name 'ACTIVE' is already used in enum Status (expected: a unique name)")),
        broken("an implicit enum number that collides with an explicit one",
            List.of(idl("main.thrift", """
            enum Status {
              A = 2,
              B = 1,
              C
            }
            """)),
            List.of(
                "main.thrift:4:3: enum value C = 2 is already used by A in enum Status (expected: a unique number)")),
        broken("an enum number beyond i32",
            List.of(idl("main.thrift", """
            enum Big {
              HUGE = 3000000000
            }
            """)),
            List.of(
                "main.thrift:2:10: enum value HUGE = 3000000000 is out of range (expected: -2147483648 to 2147483647)")),
        broken("an i8 constant beyond 127",
            List.of(idl("main.thrift", """
            const i8 TINY = 200
            """)),
            List.of(
                "main.thrift:1:17: value 200 does not fit type i8 (expected: an integer from -128 to 127)")),
        broken("an i16 constant below -32768",
            List.of(idl("main.thrift", """
            const i16 SMALL = -40000
            """)),
            List.of(
                "main.thrift:1:19: value -40000 does not fit type i16 (expected: an integer from -32768 to 32767)")),
        broken("a string literal for an i32 constant",
            List.of(idl("main.thrift", """
            const i32 COUNT = "ten"
            """)),
            List.of(
                "main.thrift:1:19: value \"ten\" does not fit type i32 (expected: an integer from -2147483648 to 2147483647)")),
        broken("a double literal for an i32 constant",
            List.of(idl("main.thrift", """
            const i32 COUNT = 1.5
            """)),
            List.of(
                "main.thrift:1:19: value 1.5 does not fit type i32 (expected: an integer from -2147483648 to 2147483647)")),
        broken("a bool constant of 2",
            List.of(idl("main.thrift", """
            const bool FLAG = 2
            """)),
            List.of(
                "main.thrift:1:19: value 2 does not fit type bool (expected: true, false, 0 or 1)")),
        broken("a malformed uuid constant",
            List.of(idl("main.thrift", """
            const uuid ID = "not-a-uuid"
            """)),
            List.of(
                "main.thrift:1:17: value \"not-a-uuid\" does not fit type uuid (expected: a UUID in quotes, e.g. \"123e4567-e89b-12d3-a456-426614174000\")")),
        broken("a list literal for a map constant",
            List.of(idl("main.thrift", """
            const map<string, i32> M = [1, 2]
            """)),
            List.of(
                "main.thrift:1:28: a list literal does not fit type map<string,i32> (expected: a map literal {key: value} of string to i32)")),
        broken("a struct literal naming a field the struct lacks",
            List.of(idl("main.thrift", """
            struct Point {
              1: i32 x
              2: i32 y
            }
            const Point P = {"x": 1, "z": 2}
            """)),
            List.of(
                "main.thrift:5:26: struct main.Point has no field 'z' (expected one of: x, y)")),
        broken("a struct literal with a value of the wrong type",
            List.of(idl("main.thrift", """
            struct Point {
              1: i32 x
            }
            const Point P = {"x": "one"}
            """)),
            List.of(
                "main.thrift:4:23: value \"one\" does not fit type i32 (expected: an integer from -2147483648 to 2147483647)")),
        broken("a reference to an undefined constant",
            List.of(idl("main.thrift", """
            const i32 A = MISSING
            """)),
            List.of(
                "main.thrift:1:15: unknown constant 'MISSING' (expected: a literal, a constant in scope, or an enum value such as Status.ACTIVE)")),
        broken("a reference to an undefined enum value",
            List.of(idl("main.thrift", """
            enum Status { ACTIVE }
            const Status S = Status.NOPE
            """)),
            List.of(
                "main.thrift:2:18: enum main.Status has no value NOPE (expected one of: ACTIVE)")),
        broken("an enum constant given a number no value has",
            List.of(idl("main.thrift", """
            enum Status { ACTIVE }
            const Status S = 7
            """)),
            List.of(
                "main.thrift:2:18: value 7 does not fit type main.Status (expected: a value of enum main.Status: Status.ACTIVE, or its number)")),
        broken("a string constant used as an i32",
            List.of(idl("main.thrift", """
            const string NAME = "x"
            const i32 N = NAME
            """)),
            List.of(
                "main.thrift:2:15: constant NAME of type string cannot be used as i32 (expected: an integer from -2147483648 to 2147483647)")),
        broken("a value of one enum used for another enum",
            List.of(idl("main.thrift", """
            enum A { X }
            enum B { Y }
            const B V = A.X
            """)),
            List.of(
                "main.thrift:3:13: enum value A.X cannot be used as main.B (expected: a value of enum main.B: B.Y, or its number)")),
        broken("constants that refer to each other",
            List.of(idl("main.thrift", """
            const i32 A = B
            const i32 B = A
            """)),
            List.of(
                "main.thrift:1:1: constant A refers to itself (expected: a value that does not depend on A)")),
        broken("typedefs that refer to each other",
            List.of(idl("main.thrift", """
            typedef Second First
            typedef First Second
            struct S {
              1: First f
            }
            """)),
            List.of(
                "main.thrift:1:1: typedef 'First' refers to itself (expected: a chain of typedefs that ends in a real type)")),
        broken("two definitions with the same name",
            List.of(idl("main.thrift", """
            struct Item {
              1: string sku
            }
            enum Item { A }
            """)),
            List.of(
                "main.thrift:4:1: 'Item' is already defined on line 1 (expected: a unique name in this file)")),
        broken("an include of a file that does not exist",
            List.of(idl("main.thrift", """
            include "nowhere.thrift"
            struct S {
              1: i32 x
            }
            """)),
            List.of(
                "main.thrift:1:1: included file 'nowhere.thrift' not found (expected: a file relative to the including file's directory or on an include path)")),
        broken("files that include each other",
            List.of(idl("main.thrift", """
            include "other.thrift"
            """),
                idl("other.thrift", """
            include "main.thrift"
            """)),
            List.of(
                "other.thrift:1:1: include cycle main.thrift -> other.thrift -> main.thrift (expected: includes that do not lead back to the including file)")),
        broken("a type of a file that is not included",
            List.of(idl("main.thrift", """
            struct S {
              1: shared.Money price
            }
            """)),
            List.of(
                "main.thrift:2:6: unknown type 'shared.Money': no included file is named shared.thrift (expected: include \"shared.thrift\" to use its types)")),
        broken("a service extending an unknown service",
            List.of(idl("main.thrift", """
            service Api extends Base {
              void ping()
            }
            """)),
            List.of(
                "main.thrift:1:21: unknown service 'Base' after extends (expected: a service declared in this file or an included one, e.g. shared.BaseService)")),
        broken("services extending each other",
            List.of(idl("main.thrift", """
            service A extends B {}
            service B extends A {}
            """)),
            List.of(
                "main.thrift:2:19: service B extends itself through 'A' (expected: an inheritance chain without cycles)")),
        broken("a oneway method with a result",
            List.of(idl("main.thrift", """
            service Api {
              oneway i32 fire()
            }
            """)),
            List.of(
                "main.thrift:2:10: oneway method fire returns i32 (expected: void, because a oneway call gets no reply)")),
        broken("a oneway method with a throws clause",
            List.of(idl("main.thrift", """
            exception Oops {}
            service Api {
              oneway void fire() throws (1: Oops oops)
            }
            """)),
            List.of(
                "main.thrift:3:22: oneway method fire declares exceptions (expected: no throws clause, because a oneway call gets no reply)")),
        broken("a throws clause naming a struct",
            List.of(idl("main.thrift", """
            struct Item {}
            service Api {
              void get() throws (1: Item item)
            }
            """)),
            List.of(
                "main.thrift:3:25: 'Item' in the throws clause of method get is not an exception (expected: an exception type)")),
        broken("two methods with the same name",
            List.of(idl("main.thrift", """
            service Api {
              void ping()
              void ping()
            }
            """)),
            List.of(
                "main.thrift:3:3: method name 'ping' is already used in service Api (expected: a unique name)")),
        broken("a service used as a field type",
            List.of(idl("main.thrift", """
            service Api {}
            struct S {
              1: Api api
            }
            """)),
            List.of(
                "main.thrift:3:6: 'Api' is a service, not a type (expected: a base type, a container, or a struct, union, exception, enum or typedef in scope)")),
        broken("a field without a name",
            List.of(idl("main.thrift", """
            struct S {
              1: i32
            }
            struct T {
              1: S s
            }
            """)),
            List.of(
                "main.thrift:3:1: unexpected '}' (expected: a field name)")),
        broken("a field id without a colon",
            List.of(idl("main.thrift", """
            struct S {
              1 i32 x
            }
            """)),
            List.of(
                "main.thrift:2:5: unexpected 'i32' (expected: ':' after field id 1)")),
        broken("a reserved word as a struct name",
            List.of(idl("main.thrift", """
            struct service {
              1: i32 x
            }
            """)),
            List.of(
                "main.thrift:1:8: reserved word 'service' cannot be used as a name (expected: a name that is not a Thrift keyword)")),
        broken("a stray character",
            List.of(idl("main.thrift", """
            struct S {
              1: i32 x @
            }
            """)),
            List.of(
                "main.thrift:2:12: unexpected character '@' (expected: a name, a literal, or one of { } [ ] ( ) < > , ; : = *)")),
        broken("an unterminated string",
            List.of(idl("main.thrift", """
            const string S = "open
            struct T {}
            """)),
            List.of(
                "main.thrift:1:18: unterminated string literal (expected: a closing \" on the same line)")),
        broken("an unknown escape in a string",
            List.of(idl("main.thrift", """
            const string S = "a\\qb"
            """)),
            List.of(
                "main.thrift:1:20: unknown escape '\\q' in string (expected: one of \\n \\t \\r \\b \\f \\0 \\\\ \\\" \\' \\uXXXX)")),
        broken("an unterminated block comment",
            List.of(idl("main.thrift", """
            struct S {}
            /* never closed
            """)),
            List.of(
                "main.thrift:2:1: unterminated comment (expected: */ before the end of the file)")),
        broken("a misspelled keyword at top level",
            List.of(idl("main.thrift", """
            strukt S {}
            struct T {
              1: Missing m
            }
            """)),
            List.of(
                "main.thrift:1:1: unexpected 'strukt' (expected: a definition: include, namespace, typedef, const, enum, struct, union, exception or service)",
                "main.thrift:3:6: unknown type 'Missing' (expected: a base type, a container, or a struct, union, exception, enum or typedef in scope)")),
        broken("an error inside an included file",
            List.of(idl("main.thrift", """
            include "shared.thrift"
            struct S {
              1: shared.Money m
            }
            """),
                idl("shared.thrift", """
            struct Money {
              1: Curency currency
            }
            """)),
            List.of(
                "shared.thrift:2:6: unknown type 'Curency' (expected: a base type, a container, or a struct, union, exception, enum or typedef in scope)")),
        broken("an integer literal beyond 64 bits",
            List.of(idl("main.thrift", """
            const i64 BIG = 9223372036854775808
            """)),
            List.of(
                "main.thrift:1:17: integer literal 9223372036854775808 is out of range (expected: a 64-bit signed integer)")),
        broken("an i32 constant beyond 2147483647 written in hex",
            List.of(idl("main.thrift", """
            const i32 COUNT = 0x80000000
            """)),
            List.of(
                "main.thrift:1:19: value 0x80000000 does not fit type i32 (expected: an integer from -2147483648 to 2147483647)")),
        broken("a method that reuses the name of an inherited one",
            List.of(idl("main.thrift", """
            service Base {
              void ping()
            }
            service Api extends Base {
              i32 ping()
            }
            """)),
            List.of(
                "main.thrift:5:3: method name 'ping' is already inherited from main.Base (expected: a name not used by a base service)"))
        );
  }
}
