package dev.polyglot.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.cases.StandardCases;
import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.runner.RunReport;
import dev.polyglot.conformance.runner.Target;
import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.idl.Schema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standard cases against the reference backends directly, without a gateway. */
class StandardCasesDirectTest {
  private static Schema schema;
  private static int caseCount;
  private static Path protoCases;

  @BeforeAll
  static void load() throws Exception {
    schema = ConformanceSuite.loadIdl(List.of());
    caseCount = StandardCases.load().cases().size();
    protoCases = Files.createTempFile("interop-proto", ".yaml");
    protoCases.toFile().deleteOnExit();
    try (var in = StandardCasesDirectTest.class.getClassLoader().getResourceAsStream(StandardCases.PROTO_RESOURCE)) {
      Files.write(protoCases, in.readAllBytes());
    }
  }

  @ParameterizedTest(name = "thrift {0} {1}")
  @CsvSource({"FRAMED, BINARY", "FRAMED, COMPACT", "BUFFERED, BINARY", "BUFFERED, COMPACT"})
  void everyStandardCasePassesAgainstTheThriftReferenceBackend(ThriftTransport transport, ThriftEncoding encoding) throws Exception {
    try (RunningBackend backend = ReferenceBackends.startThrift(0, transport, encoding)) {
      Target target = Target.parse("thrift://127.0.0.1:" + backend.port());
      assertAllPass(RunOptions.of(target).withThrift(transport, encoding));
    }
  }

  @Test
  void everyStandardCasePassesAgainstTheGrpcReferenceBackendThroughTheBindings() throws Exception {
    try (RunningBackend backend = ReferenceBackends.startGrpc(0)) {
      Target target = Target.parse("grpc://127.0.0.1:" + backend.port());
      assertAllPass(RunOptions.of(target).withTargetService(InteropIdl.PROTO_SERVICE));
    }
  }

  @Test
  void theProtoViewCasesPassAgainstTheGrpcReferenceBackend() throws Exception {
    try (RunningBackend backend = ReferenceBackends.startGrpc(0)) {
      Target target = Target.parse("grpc://127.0.0.1:" + backend.port());
      assertAllPass(RunOptions.of(target).withCases(protoCases), StandardCases.loadProto().cases().size());
    }
  }

  @Test
  void theProtoViewCasesPassAgainstTheThriftReferenceBackendThroughTheBindings() throws Exception {
    try (RunningBackend backend = ReferenceBackends.startThrift(0, ThriftTransport.FRAMED, ThriftEncoding.COMPACT)) {
      Target target = Target.parse("thrift://127.0.0.1:" + backend.port());
      assertAllPass(RunOptions.of(target).withCases(protoCases).withTargetService(InteropIdl.THRIFT_SERVICE)
          .withThrift(ThriftTransport.FRAMED, ThriftEncoding.COMPACT), StandardCases.loadProto().cases().size());
    }
  }

  private static void assertAllPass(RunOptions options) throws Exception {
    assertAllPass(options, caseCount);
  }

  private static void assertAllPass(RunOptions options, int expectedCount) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunReport report = ConformanceSuite.run(options, schema, Bindings.FACTORY, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    String[] lines = out.split("\n");
    assertEquals(expectedCount + " passed, 0 failed", lines[lines.length - 1], out);
    assertEquals(expectedCount, report.results().size());
  }
}
