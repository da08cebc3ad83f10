package dev.polyglot.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.cases.StandardCases;
import dev.polyglot.conformance.runner.RunReport;
import dev.polyglot.conformance.runner.Target;
import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.idl.Schema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend with planted bugs fails the suite with lines that point at the field. */
class PlantedBugTest {
  private static Schema schema;
  private static PlantedBugBackend backend;

  @BeforeAll
  static void start() throws Exception {
    schema = ConformanceSuite.loadIdl(List.of());
    backend = new PlantedBugBackend();
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @Test
  void theProtoViewCasesFailAtThePlantedFields(@TempDir Path dir) throws Exception {
    Path cases = dir.resolve("proto.yaml");
    try (var in = getClass().getClassLoader().getResourceAsStream(StandardCases.PROTO_RESOURCE)) {
      Files.write(cases, in.readAllBytes());
    }
    Path junit = dir.resolve("junit.xml");
    List<String> failing = run(RunOptions.of(Target.parse("grpc://127.0.0.1:" + backend.port())).withCases(cases).withReport(junit));
    assertEquals(List.of(
        "FAIL base types/int64 2^53 + 1: first difference at value: expected \"9007199254740993\", received \"9007199254740994\"",
        "  sent:     EchoI64 {\"value\":\"9007199254740993\"}",
        "  received: {\"value\":\"9007199254740994\"}",
        "FAIL base types/enum after a gap: first difference at value: expected \"MEMBER_TIER_GOLD\", received \"MEMBER_TIER_SILVER\"",
        "  sent:     EchoEnum {\"value\":\"MEMBER_TIER_GOLD\"}",
        "  received: {\"value\":\"MEMBER_TIER_SILVER\"}",
        "FAIL exceptions/getItem not found: expected error not_found ItemNotFound, received a result",
        "  sent:     GetItem {\"sku\":\"missing\"}",
        "  received: {\"sku\":\"missing\",\"quantity\":7,\"dims\":{\"widthCm\":10,\"heightCm\":20},\"tags\":[\"stock\"],\"origin\":\"warehouse\"}",
        "15 passed, 3 failed"), failing);
    String xml = Files.readString(junit);
    assertEquals(3, xml.split("<failure ", -1).length - 1, xml);
  }

  @Test
  void theStandardCasesFailAtThePlantedFieldsThroughTheBindings() throws Exception {
    List<String> failing = run(RunOptions.of(Target.parse("grpc://127.0.0.1:" + backend.port())).withTargetService(InteropIdl.PROTO_SERVICE));
    assertEquals(List.of(
        "FAIL base types/i64 2^53 + 1: first difference at the result: expected 9007199254740993, received 9007199254740994",
        "  sent:     echoI64 {\"value\":9007199254740993}",
        "  received: 9007199254740994",
        "FAIL base types/enum after a gap: first difference at the result: expected \"GOLD\", received \"SILVER\"",
        "  sent:     echoEnum {\"value\":\"GOLD\"}",
        "  received: \"SILVER\"",
        "FAIL exceptions/getItem not found: expected error not_found ItemNotFound, received a result",
        "  sent:     getItem {\"sku\":\"missing\"}",
        "  received: {\"sku\":\"missing\",\"quantity\":7,\"dims\":{\"width_cm\":10,\"height_cm\":20},\"tags\":[\"stock\"],\"origin\":\"warehouse\"}",
        "66 passed, 3 failed"), failing);
  }

  /** The report lines that are not PASS lines. */
  private static List<String> run(RunOptions options) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunReport report = ConformanceSuite.run(options, schema, Bindings.FACTORY, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(3, report.failed());
    return Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !l.startsWith("PASS ")).toList();
  }
}
