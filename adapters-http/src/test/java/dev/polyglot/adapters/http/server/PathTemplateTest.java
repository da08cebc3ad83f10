package dev.polyglot.adapters.http.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathTemplateTest {

  static Stream<Arguments> matches() {
    return Stream.of(
        Arguments.of("/v1/items/{sku}", "/v1/items/A-1", new String[] {"A-1"}),
        Arguments.of("/v1/items/{sku}", "/v1/items/caf%C3%A9", new String[] {"café"}),
        Arguments.of("/v1/items/{sku}", "/v1/items/a%2Fb", new String[] {"a/b"}),
        Arguments.of("/v1/items/{item.sku}", "/v1/items/A-1", new String[] {"A-1"}),
        Arguments.of("/v1/{name=shelves/*}", "/v1/shelves/7", new String[] {"shelves/7"}),
        Arguments.of("/v1/{name=shelves/*/books/*}", "/v1/shelves/7/books/x%2Fy", new String[] {"shelves/7/books/x%2Fy"}),
        Arguments.of("/v1/{parent=shelves/*}/books/{book}", "/v1/shelves/1/books/2", new String[] {"shelves/1", "2"}),
        Arguments.of("/v1/files/{path=**}", "/v1/files/a/b/c.txt", new String[] {"a/b/c.txt"}),
        Arguments.of("/v1/files/{path=**}", "/v1/files", new String[] {""}),
        Arguments.of("/v1/files/**", "/v1/files/a/b", new String[] {}),
        Arguments.of("/v1/*/items", "/v1/anything/items", new String[] {}),
        Arguments.of("/v1/items/{sku}:restock", "/v1/items/A-1:restock", new String[] {"A-1"}),
        Arguments.of("/v1/{name=items/*}:restock", "/v1/items/A%3A1:restock", new String[] {"items/A:1"}),
        Arguments.of("/v1/caf%C3%A9", "/v1/caf%c3%a9", new String[] {}));
  }

  @ParameterizedTest(name = "{0} matches {1}")
  @MethodSource("matches")
  void aTemplateMatchesAPathAndExtractsItsVariables(String template, String path, String[] values) {
    PathTemplate t = PathTemplate.parse(template);
    RequestPath p = RequestPath.parse(path);
    assertTrue(t.matches(p));
    assertArrayEquals(values, t.values(p));
  }

  static Stream<Arguments> mismatches() {
    return Stream.of(
        Arguments.of("/v1/items/{sku}", "/v1/items"),
        Arguments.of("/v1/items/{sku}", "/v1/items/"),
        Arguments.of("/v1/items/{sku}", "/v1/items/a/b"),
        Arguments.of("/v1/items/{sku}", "/v2/items/a"),
        Arguments.of("/v1/{name=shelves/*}", "/v1/racks/7"),
        Arguments.of("/v1/items/{sku}:restock", "/v1/items/A-1"),
        Arguments.of("/v1/items/{sku}", "/v1/items/A-1:restock/x"),
        Arguments.of("/v1/files/{path=**}", "/v2/files/a"));
  }

  @ParameterizedTest(name = "{0} does not match {1}")
  @MethodSource("mismatches")
  void aTemplateDoesNotMatchOtherPaths(String template, String path) {
    assertFalse(PathTemplate.parse(template).matches(RequestPath.parse(path)));
  }

  static Stream<Arguments> badTemplates() {
    return Stream.of(
        Arguments.of("v1/items", "path template \"v1/items\" at column 1: expected: a template starting with /"),
        Arguments.of("/v1/{sku", "path template \"/v1/{sku\" at column 5: unclosed {"),
        Arguments.of("/v1/{}", "path template \"/v1/{}\" at column 6: expected: a field path like sku or item.sku"),
        Arguments.of("/v1/{a..b}", "path template \"/v1/{a..b}\" at column 6: expected: a field path like sku or item.sku"),
        Arguments.of("/v1/{a={b}}", "path template \"/v1/{a={b}}\" at column 8: a variable inside a variable"),
        Arguments.of("/v1/**/items", "path template \"/v1/**/items\" at column 1: ** may only be the last segment"),
        Arguments.of("/v1//items", "path template \"/v1//items\" at column 5: expected: a path segment"),
        Arguments.of("/v1/items:", "path template \"/v1/items:\" at column 11: expected: a verb after :"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTemplates")
  void aBadTemplateIsRejectedWithWhereAndWhy(String template, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse(template));
    assertEquals(message, e.getMessage());
  }

  @Test
  void templatesAreTriedMostSpecificFirst() {
    List<PathTemplate> ts = new ArrayList<>(List.of(
        PathTemplate.parse("/v1/{path=**}"),
        PathTemplate.parse("/v1/items/{sku}"),
        PathTemplate.parse("/v1/items/special"),
        PathTemplate.parse("/v1/items/{sku}:restock")));
    ts.sort(PathTemplate::bySpecificity);
    assertEquals(List.of("/v1/items/special", "/v1/items/{sku}:restock", "/v1/items/{sku}", "/v1/{path=**}"), ts.stream().map(PathTemplate::text).toList());
  }

  static Stream<Arguments> decoding() {
    return Stream.of(
        Arguments.of("plain", "plain"),
        Arguments.of("caf%C3%A9", "café"),
        Arguments.of("a+b", "a+b"),
        Arguments.of("%F0%9F%93%A6", "\uD83D\uDCE6"),
        Arguments.of("\uD83D\uDCE6x", "\uD83D\uDCE6x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decoding")
  void pathSegmentsArePercentDecodedAsUtf8(String raw, String decoded) {
    assertEquals(decoded, RequestPath.decode(raw));
  }

  @Test
  void queryTextTurnsPlusIntoSpace() {
    assertEquals("big one+", RequestPath.decodeQuery("big+one%2B"));
  }

  @Test
  void aTruncatedEscapeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestPath.decode("ab%4"));
    assertEquals("\"ab%4\": malformed escape at character 3 (expected: % followed by two hex digits)", e.getMessage());
  }
}
