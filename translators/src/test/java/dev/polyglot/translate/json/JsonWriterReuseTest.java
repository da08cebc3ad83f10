package dev.polyglot.translate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.TranscodeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Readers and writers are reused per thread by the Transcoder: each value must come out alone. */
class JsonWriterReuseTest {
  private static final String ORDER = "{\"sku\":\"A-1\",\"qty\":2,\"dims\":{\"width_cm\":3}}";

  @Test
  void aReusedPrettyWriterStartsEachValueCleanly() {
    Transcoder t = Zoo.transcoder(Limits.DEFAULT, JsonOptions.DEFAULT.withPrettyPrint(true));
    String expected = "{\n  \"sku\": \"A-1\",\n  \"qty\": 2,\n  \"dims\": {\n    \"width_cm\": 3\n  }\n}";
    for (int i = 0; i < 3; i++) {
      assertEquals(expected, new String(t.transcode(Zoo.thrift("Order"), WireFormat.THRIFT_JSON, WireFormat.THRIFT_JSON,
          ORDER.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aValueThatFailedHalfWayLeavesNothingBehind() {
    Transcoder t = Zoo.transcoder(Limits.DEFAULT);
    assertThrows(TranscodeException.class, () -> t.transcode(Zoo.thrift("Order"), WireFormat.THRIFT_JSON, WireFormat.THRIFT_JSON,
        "{\"sku\":\"A-1\",\"dims\":{\"width_cm\":\"x\"}}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(ORDER, new String(t.transcode(Zoo.thrift("Order"), WireFormat.THRIFT_JSON, WireFormat.THRIFT_JSON,
        ORDER.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
  }

  @Test
  void theDefaultRegistryReadsAndWritesBothDialects() {
    Transcoder t = Transcoder.standard();
    byte[] wire = t.transcode(Zoo.proto("Dims"), WireFormat.PROTO_JSON, WireFormat.PROTOBUF, "{\"width_cm\":3}".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"widthCm\":3}", new String(t.transcode(Zoo.proto("Dims"), WireFormat.PROTOBUF, WireFormat.PROTO_JSON, wire), StandardCharsets.UTF_8));
    assertEquals("{\"width_cm\":3}", new String(t.transcode(Zoo.proto("Dims"), WireFormat.PROTOBUF, WireFormat.THRIFT_JSON, wire), StandardCharsets.UTF_8));
  }

  @Test
  void withoutAnyTypesAnAnyIsRejectedWithAReason() {
    TranscodeException e = assertThrows(TranscodeException.class, () -> Transcoder.standard().transcode(Zoo.proto("Known"),
        WireFormat.PROTO_JSON, WireFormat.PROTOBUF, "{\"any\":{\"@type\":\"type.googleapis.com/zoo.v1.Dims\"}}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("any.@type: cannot read an Any holding \"zoo.v1.Dims\" (expected: a message type loaded from the IDL files)", e.getMessage());
  }
}
