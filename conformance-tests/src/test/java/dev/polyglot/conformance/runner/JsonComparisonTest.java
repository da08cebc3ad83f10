package dev.polyglot.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonComparisonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "9223372036854775807           | 9223372036854775807           | ''",
      "9223372036854775807           | 9223372036854775806           | 'at the result: expected 9223372036854775807, received 9223372036854775806'",
      "9007199254740993              | 9007199254740992              | 'at the result: expected 9007199254740993, received 9007199254740992'",
      "'\"9223372036854775807\"'     | 9223372036854775807           | ''",
      "5                             | 5.0                           | ''",
      "0.0                           | -0.0                          | 'at the result: expected 0.0, received -0.0'",
      "0                             | -0.0                          | 'at the result: expected 0, received -0.0'",
      "1e307                         | 1.0E307                       | ''",
      "'\"NaN\"'                     | '\"NaN\"'                     | ''",
      "'{\"a\":1,\"b\":[1,2]}'       | '{\"b\":[1,2],\"a\":1}'       | ''",
      "'{\"a\":{\"b\":[1,{\"c\":2}]}}' | '{\"a\":{\"b\":[1,{\"c\":3}]}}' | 'at a.b[1].c: expected 2, received 3'",
      "'{\"a\":1}'                   | '{\"a\":1,\"z\":2}'           | 'at z: expected (absent), received 2'",
      "'[1,2]'                       | '[1]'                         | 'at [1]: expected 2, received (absent)'",
      "'\"GOLD\"'                    | '\"SILVER\"'                  | 'at the result: expected \"GOLD\", received \"SILVER\"'",
      "true                          | '\"true\"'                    | 'at the result: expected true, received \"true\"'"})
  void valuesCompareByTheirMeaningInTheCallersView(String expected, String actual, String firstDifference) throws Exception {
    List<Difference> diffs = JsonComparison.ignoring(List.of()).differences(JSON.readTree(expected), JSON.readTree(actual));
    assertEquals(firstDifference, diffs.isEmpty() ? "" : diffs.get(0).toString());
  }

  @Test
  void ignoredPathsAndEverythingBelowThemAreSkipped() throws Exception {
    var expected = JSON.readTree("{\"id\":1,\"at\":{\"s\":1},\"items\":[{\"sku\":\"a\",\"n\":1},{\"sku\":\"b\",\"n\":2}]}");
    var actual = JSON.readTree("{\"id\":2,\"at\":{\"s\":9},\"items\":[{\"sku\":\"x\",\"n\":1},{\"sku\":\"y\",\"n\":3}]}");
    List<Difference> diffs = JsonComparison.ignoring(List.of("id", "at", "items[*].sku")).differences(expected, actual);
    assertEquals(List.of(new Difference("items[1].n", "2", "3")), diffs);
  }

  @Test
  void everyDifferenceIsListedInAStableOrder() throws Exception {
    List<Difference> diffs = JsonComparison.ignoring(List.of()).differences(
        JSON.readTree("{\"b\":1,\"a\":[1,2]}"), JSON.readTree("{\"a\":[0,2,3],\"b\":2}"));
    assertEquals(List.of("a[0]", "a[2]", "b"), diffs.stream().map(Difference::path).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "thrift://127.0.0.1:9090 | THRIFT | 127.0.0.1 | 9090",
      "grpc://localhost:50051  | GRPC   | localhost | 50051",
      "http://[::1]:8080       | HTTP   | [::1]     | 8080"})
  void targetsParseFromTheirUrls(String url, Target.Protocol protocol, String host, int port) {
    assertEquals(new Target(protocol, host, port), Target.parse(url));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ftp://h:1           | ftp://h:1: unknown scheme ftp (expected: thrift://HOST:PORT, grpc://HOST:PORT or http://HOST:PORT)",
      "thrift://h          | thrift://h (expected: thrift://HOST:PORT, grpc://HOST:PORT or http://HOST:PORT)",
      "http://h:80/v1      | http://h:80/v1: has a path (expected: thrift://HOST:PORT, grpc://HOST:PORT or http://HOST:PORT)",
      "grpc://h:70000      | port: 70000 (expected: 1-65535)"})
  void aBadTargetUrlSaysWhatIsExpected(String url, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Target.parse(url)).getMessage());
  }
}
