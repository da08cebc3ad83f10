package dev.polyglot.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseFileParserTest {

  @Test
  void aCaseFileReadsIntoCasesWithEveryPart() {
    CaseFile file = CaseFileParser.parse("cases.yaml", String.join("\n",
        "service: warehouse.Warehouse",
        "cases:",
        "  - name: get one",
        "    group: items",
        "    description: an item that exists",
        "    method: getItem",
        "    request: {sku: A-1}",
        "    expect: {sku: A-1, count: 9223372036854775807, ratio: -0.0}",
        "    ignore: [updated_at, 'tags[*]']",
        "    max_millis: 500",
        "  - name: get missing",
        "    method: getItem",
        "    request: {sku: nope}",
        "    expect_error: {code: NOT_FOUND, type: ItemNotFound, fields: {sku: nope}}",
        ""));
    assertEquals("warehouse.Warehouse", file.service());
    assertEquals(2, file.cases().size());
    ConformanceCase first = file.cases().get(0);
    assertEquals("items/get one", first.qualifiedName());
    assertEquals("an item that exists", first.description());
    assertEquals("{\"sku\":\"A-1\"}", first.request().toString());
    assertEquals("{\"sku\":\"A-1\",\"count\":9223372036854775807,\"ratio\":-0.0}", first.expect().orElseThrow().toString());
    assertEquals(List.of("updated_at", "tags[*]"), first.ignore());
    assertEquals(OptionalLong.of(500), first.maxMillis());
    assertEquals(3, first.line());
    ConformanceCase second = file.cases().get(1);
    assertEquals("cases/get missing", second.qualifiedName());
    assertEquals(11, second.line());
    ExpectedError e = second.expectError().orElseThrow();
    assertEquals(Optional.of("not_found"), e.code());
    assertEquals(Optional.of("ItemNotFound"), e.type());
    assertEquals(Optional.empty(), e.message());
    assertEquals("{\"sku\":\"nope\"}", e.fields().orElseThrow().toString());
  }

  @Test
  void generatorsAndAnchorsBecomeJsonValues() {
    CaseFile file = CaseFileParser.parse("gen.yaml", String.join("\n",
        "service: s.S",
        "cases:",
        "  - name: generated",
        "    method: m",
        "    request: {text: {$repeat: {text: ab, times: 3}}, bytes: {$bytes: {length: 4}}, v: &same [NaN, -Infinity, 1.0e-292]}",
        "    expect: *same",
        ""));
    ConformanceCase c = file.cases().get(0);
    assertEquals("{\"text\":\"ababab\",\"bytes\":\"AAECAw==\",\"v\":[\"NaN\",\"-Infinity\",1.0E-292]}", c.request().toString());
    assertEquals("[\"NaN\",\"-Infinity\",1.0E-292]", c.expect().orElseThrow().toString());
  }

  @Test
  void everyProblemIsReportedWithItsLineColumnAndPath() {
    CaseFileException e = assertThrows(CaseFileException.class, () -> CaseFileParser.parse("bad.yaml", String.join("\n",
        "service: s.S",
        "extra: 1",
        "cases:",
        "  - name: one",
        "    method: m",
        "    expect: 1",
        "    expect_error: {code: nope}",
        "  - name: one",
        "    method: m",
        "    max_millis: -3",
        "    request: [1]",
        "  - method: m",
        "    ignore: [{}]",
        "    request: {x: {$repeat: {text: a}}}",
        "")));
    assertEquals(List.of(
        "bad.yaml:2:8: extra: unknown key (expected: one of cases, service)",
        "bad.yaml:7:26: cases[0].expect_error.code: nope (expected: a gRPC status code such as not_found or invalid_argument)",
        "bad.yaml:7:19: cases[0].expect_error: set together with expect (expected: one of expect and expect_error)",
        "bad.yaml:11:14: cases[1].request: a list (expected: a mapping of the request's fields)",
        "bad.yaml:10:17: cases[1].max_millis: -3 (expected: a positive whole number of milliseconds)",
        "bad.yaml:12:5: cases[2].name: missing (expected: a string)",
        "bad.yaml:14:28: cases[2].request.x.$repeat: {\"text\":\"a\"} (expected: {text: STRING, times: N} making at most 67108864 characters)",
        "bad.yaml:13:14: cases[2].ignore[0]: a mapping (expected: a field path such as dims.width_cm)"), e.problems());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "''                          | empty.yaml:1:1: the file is empty (expected: service: and cases:)",
      "'- 1'                       | empty.yaml:1:1: the file is a list (expected: a mapping with service: and cases:)",
      "'service: s.S'              | empty.yaml:1:1: cases: missing (expected: a list of cases)",
      "'service: s.S\ncases: {}'   | empty.yaml:2:8: cases: a mapping (expected: a list of cases)",
      "'cases: []'                 | empty.yaml:1:1: service: missing (expected: a string)"})
  void aFileWithoutItsTopLevelShapeIsRefused(String yaml, String message) {
    CaseFileException e = assertThrows(CaseFileException.class, () -> CaseFileParser.parse("empty.yaml", yaml.replace("\\n", "\n")));
    assertEquals(List.of(message), e.problems());
  }

  @Test
  void twoCasesWithTheSameNameAreRefused() {
    CaseFileException e = assertThrows(CaseFileException.class, () -> CaseFileParser.parse("dup.yaml",
        "service: s.S\ncases:\n  - {name: a, method: m}\n  - {name: a, method: m}\n"));
    assertEquals(List.of("dup.yaml:4:12: cases[1].name: a is used by an earlier case (expected: a unique name)"), e.problems());
  }

  @Test
  void theStandardCasesAreNamedGroupedAndDescribed() {
    CaseFile file = StandardCases.load();
    assertEquals("interop.Interop", file.service());
    assertEquals(List.of("base types", "structs", "containers", "exceptions", "oneway"),
        file.cases().stream().map(ConformanceCase::group).distinct().toList());
    assertEquals(List.of(), file.cases().stream().filter(c -> c.description().isBlank()).map(ConformanceCase::name).toList());
    assertEquals(1024 * 1024, java.util.Base64.getDecoder().decode(
        file.cases().stream().filter(c -> c.name().equals("binary 1 MiB")).findFirst().orElseThrow().request().get("value").asText()).length);
  }
}
