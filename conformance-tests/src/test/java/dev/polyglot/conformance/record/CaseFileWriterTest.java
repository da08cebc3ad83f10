package dev.polyglot.conformance.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyglot.conformance.cases.CaseFile;
import dev.polyglot.conformance.cases.CaseFileParser;
import dev.polyglot.conformance.cases.ConformanceCase;
import dev.polyglot.conformance.runner.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseFileWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void recordedCallsReadBackAsTheSameCases() throws Exception {
    List<RecordedCall> calls = List.of(
        new RecordedCall("interop.Interop", "echoI64", JSON.readTree("{\"value\":9223372036854775807}"),
            new Outcome.Success(JSON.readTree("9223372036854775807"))),
        new RecordedCall("interop.Interop", "echoString", JSON.readTree("{\"value\":\"123\"}"), new Outcome.Success(JSON.readTree("\"123\""))),
        new RecordedCall("interop.Interop", "ping", JSON.readTree("{}"), new Outcome.Success(JSON.nullNode())),
        new RecordedCall("interop.Interop", "echoI64", JSON.readTree("{\"value\":-0}"), new Outcome.Success(JSON.readTree("0"))),
        new RecordedCall("interop.Interop", "getItem", JSON.readTree("{\"sku\":\"missing\"}"),
            new Outcome.Failure("not_found", Optional.of("interop.ItemNotFound"), "no item with sku missing",
                Optional.of(JSON.readTree("{\"message\":\"no item with sku missing\",\"sku\":\"missing\"}")))));
    CaseFile file = CaseFileParser.parse("recorded.yaml", CaseFileWriter.toYaml("interop.Interop", calls));
    assertEquals("interop.Interop", file.service());
    assertEquals(List.of("recorded/echoI64 #1", "recorded/echoString #1", "recorded/ping #1", "recorded/echoI64 #2", "recorded/getItem #1"),
        file.cases().stream().map(ConformanceCase::qualifiedName).toList());
    assertEquals("9223372036854775807", file.cases().get(0).expect().orElseThrow().toString());
    assertEquals("\"123\"", file.cases().get(1).expect().orElseThrow().toString());
    assertEquals(Optional.empty(), file.cases().get(2).expect());
    var error = file.cases().get(4).expectError().orElseThrow();
    assertEquals(Optional.of("not_found"), error.code());
    assertEquals(Optional.of("ItemNotFound"), error.type());
    assertEquals(Optional.of("no item with sku missing"), error.message());
    assertEquals("{\"message\":\"no item with sku missing\",\"sku\":\"missing\"}", error.fields().orElseThrow().toString());
  }
}
