package dev.polyglot.translate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.TranscodeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader's guards, at the limit and one past it. */
class JsonLimitsTest {

  /** A Tree with {@code levels} structs: struct, list, struct, list, ... (2 * levels - 1 event levels). */
  private static String tree(int levels) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < levels; i++) sb.append("{\"name\":\"n").append(i).append("\",\"children\":[");
    sb.append("{\"name\":\"leaf\"}");
    for (int i = 1; i < levels; i++) sb.append("]}");
    return sb.toString();
  }

  @Test
  void nestingAtTheLimitIsRead() {
    Transcoder t = Zoo.transcoder(Limits.builder().maxDepth(9).build());
    String json = tree(5); // depth 9
    byte[] out = t.transcode(Zoo.thrift("Tree"), WireFormat.THRIFT_JSON, WireFormat.THRIFT_JSON, json.getBytes(StandardCharsets.UTF_8));
    assertEquals(json, new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void nestingOnePastTheLimitIsRejectedWithItsPath() {
    Transcoder t = Zoo.transcoder(Limits.builder().maxDepth(9).build());
    TranscodeException e = assertThrows(TranscodeException.class, () -> t.transcode(Zoo.thrift("Tree"), WireFormat.THRIFT_JSON,
        WireFormat.THRIFT_BINARY, tree(6).getBytes(StandardCharsets.UTF_8)));
    assertEquals("children[0].children[0].children[0].children[0].children: nesting depth 10 exceeds the limit (expected: at most 9 levels)",
        e.getMessage());
  }

  @Test
  void deeplyNestedJsonValuesCountTheirEventDepth() {
    Transcoder t = Zoo.transcoder(Limits.builder().maxDepth(8).build());
    // Known(1) Value(2) ListValue(3) list(4) Value(5) ListValue(6) list(7) Value(8): at the limit.
    byte[] ok = t.transcode(Zoo.proto("Known"), WireFormat.PROTO_JSON, WireFormat.PROTOBUF, "{\"v\":[[1]]}".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"v\":[[1.0]]}", new String(t.transcode(Zoo.proto("Known"), WireFormat.PROTOBUF, WireFormat.PROTO_JSON, ok), StandardCharsets.UTF_8));
    TranscodeException e = assertThrows(TranscodeException.class, () -> t.transcode(Zoo.proto("Known"), WireFormat.PROTO_JSON,
        WireFormat.PROTOBUF, "{\"v\":[[[1]]]}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("v[0][0]: nesting depth 9 exceeds the limit (expected: at most 8 levels)", e.getMessage());
  }

  @Test
  void aJsonBombOfBracketsIsRejectedBeforeItRecurses() {
    String bomb = "{\"v\":" + "[".repeat(100_000);
    TranscodeException e = assertThrows(TranscodeException.class, () -> Zoo.transcoder(Limits.DEFAULT)
        .transcode(Zoo.proto("Known"), WireFormat.PROTO_JSON, WireFormat.PROTOBUF, bomb.getBytes(StandardCharsets.UTF_8)));
    assertEquals("v" + "[0]".repeat(21) + ": nesting depth 65 exceeds the limit (expected: at most 64 levels)", e.getMessage());
  }

  @Test
  void containersAtAndPastTheirLimit() {
    Transcoder t = Zoo.transcoder(Limits.builder().maxContainerSize(3).build());
    byte[] ok = t.transcode(Zoo.thrift("Containers"), WireFormat.THRIFT_JSON, WireFormat.THRIFT_BINARY,
        "{\"skus\":[1,2,3],\"by_name\":{\"a\":1,\"b\":2,\"c\":3}}".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"skus\":[1,2,3],\"by_name\":{\"a\":1,\"b\":2,\"c\":3}}",
        new String(t.transcode(Zoo.thrift("Containers"), WireFormat.THRIFT_BINARY, WireFormat.THRIFT_JSON, ok), StandardCharsets.UTF_8));
    TranscodeException list = assertThrows(TranscodeException.class, () -> t.transcode(Zoo.thrift("Containers"), WireFormat.THRIFT_JSON,
        WireFormat.THRIFT_BINARY, "{\"skus\":[1,2,3,4]}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("skus: list size 4 exceeds the limit (expected: at most 3)", list.getMessage());
    TranscodeException map = assertThrows(TranscodeException.class, () -> t.transcode(Zoo.thrift("Containers"), WireFormat.THRIFT_JSON,
        WireFormat.THRIFT_BINARY, "{\"by_name\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("by_name: map size 4 exceeds the limit (expected: at most 3)", map.getMessage());
  }

  @Test
  void stringsAndBinariesPastTheirLimit() {
    Transcoder t = Zoo.transcoder(Limits.builder().maxStringBytes(4).build());
    byte[] ok = t.transcode(Zoo.thrift("Scalars"), WireFormat.THRIFT_JSON, WireFormat.THRIFT_BINARY,
        "{\"a_string\":\"äö\",\"some_bytes\":\"AAECAw==\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(23, ok.length);
    TranscodeException s = assertThrows(TranscodeException.class, () -> t.transcode(Zoo.thrift("Scalars"), WireFormat.THRIFT_JSON,
        WireFormat.THRIFT_BINARY, "{\"a_string\":\"äöü\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("a_string: length 6 exceeds the limit (expected: at most 4 bytes)", s.getMessage());
    TranscodeException b = assertThrows(TranscodeException.class, () -> t.transcode(Zoo.thrift("Scalars"), WireFormat.THRIFT_JSON,
        WireFormat.THRIFT_BINARY, "{\"some_bytes\":\"AAECAwQ=\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("some_bytes: length 5 exceeds the limit (expected: at most 4 bytes)", b.getMessage());
  }

  @Test
  void theWholeMessageHasALimit() {
    Transcoder t = Zoo.transcoder(Limits.builder().maxMessageBytes(10).build());
    TranscodeException e = assertThrows(TranscodeException.class, () -> t.transcode(Zoo.thrift("Order"), WireFormat.THRIFT_JSON,
        WireFormat.THRIFT_BINARY, "{\"sku\":\"abc\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("message of 13 bytes is too large (expected: at most 10 bytes)", e.getMessage());
  }
}
