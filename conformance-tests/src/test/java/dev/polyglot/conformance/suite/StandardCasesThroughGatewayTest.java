package dev.polyglot.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.cases.StandardCases;
import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.runner.RunReport;
import dev.polyglot.idl.Schema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The standard cases through the gateway in all six caller/backend pairings. Two gateways share the
 * two reference backends: "direct" routes each service to the backend of its own IDL (Thrift
 * callers → Thrift backend, gRPC callers → gRPC backend), "crossed" routes each to the other
 * (Thrift → gRPC, gRPC → Thrift); HTTP callers use both. The Thrift caller runs in every
 * transport × encoding; the Thrift backend is buffered compact behind one gateway and framed binary
 * behind the other.
 */
class StandardCasesThroughGatewayTest {
  private static Schema schema;
  private static int caseCount;
  private static RunningBackend thriftCompact;
  private static RunningBackend thriftBinary;
  private static RunningBackend grpc;
  private static InteropGateway direct;
  private static InteropGateway crossed;

  @BeforeAll
  static void start() throws Exception {
    schema = ConformanceSuite.loadIdl(List.of());
    caseCount = StandardCases.load().cases().size();
    thriftCompact = ReferenceBackends.startThrift(0, ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
    thriftBinary = ReferenceBackends.startThrift(0, ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    grpc = ReferenceBackends.startGrpc(0);
    String grpcYaml = "{protocol: grpc, endpoints: [\"127.0.0.1:" + grpc.port() + "\"]}";
    direct = InteropGateway.start(Files.createTempDirectory("direct"), "thrift", "grpc",
        "{protocol: thrift, endpoints: [\"127.0.0.1:" + thriftCompact.port() + "\"], transport: buffered, encoding: compact}", grpcYaml,
        Bindings.FACTORY, List.of());
    crossed = InteropGateway.start(Files.createTempDirectory("crossed"), "grpc", "thrift",
        "{protocol: thrift, endpoints: [\"127.0.0.1:" + thriftBinary.port() + "\"]}", grpcYaml, Bindings.FACTORY, List.of());
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {direct, crossed, thriftCompact, thriftBinary, grpc}) {
      try {
        if (c != null) c.close();
      } catch (Exception ignored) {
        // closing the rest matters more
      }
    }
  }

  @ParameterizedTest(name = "thrift caller ({1} {2}) -> {0} backend")
  @CsvSource({
      "thrift, FRAMED, BINARY", "thrift, FRAMED, COMPACT", "thrift, BUFFERED, BINARY", "thrift, BUFFERED, COMPACT",
      "grpc, FRAMED, BINARY", "grpc, FRAMED, COMPACT", "grpc, BUFFERED, BINARY", "grpc, BUFFERED, COMPACT"})
  void theStandardCasesPassForAThriftCaller(String backend, ThriftTransport transport, ThriftEncoding encoding) throws Exception {
    InteropGateway gateway = backend.equals("thrift") ? direct : crossed;
    assertAllPass(RunOptions.of(gateway.target("thrift")).withThrift(transport, encoding));
  }

  @ParameterizedTest(name = "grpc caller -> {0} backend")
  @CsvSource({"grpc", "thrift"})
  void theStandardCasesPassForAGrpcCaller(String backend) throws Exception {
    InteropGateway gateway = backend.equals("grpc") ? direct : crossed;
    assertAllPass(RunOptions.of(gateway.target("grpc")).withTargetService(InteropIdl.PROTO_SERVICE));
  }

  @ParameterizedTest(name = "http caller -> {0} backend")
  @CsvSource({"thrift", "grpc"})
  void theStandardCasesPassForAnHttpCaller(String backend) throws Exception {
    InteropGateway gateway = backend.equals("thrift") ? direct : crossed;
    assertAllPass(RunOptions.of(gateway.target("http")));
  }

  private static void assertAllPass(RunOptions options) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunReport report = ConformanceSuite.run(options, schema, Bindings.FACTORY, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    String[] lines = out.split("\n");
    assertEquals(caseCount + " passed, 0 failed", lines[lines.length - 1], out);
    assertEquals(caseCount, report.results().size());
  }
}
