package dev.polyglot.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.conformance.cases.CaseFile;
import dev.polyglot.conformance.cases.CaseFileParser;
import dev.polyglot.conformance.cases.StandardCases;
import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.conformance.record.CaseFileWriter;
import dev.polyglot.conformance.record.RecordingFilter;
import dev.polyglot.conformance.record.ReplayComparison;
import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.runner.CallerView;
import dev.polyglot.conformance.runner.Target;
import dev.polyglot.conformance.runner.TargetSession;
import dev.polyglot.idl.Schema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Record the traffic of a gateway route on one backend into a case file, then replay it: against
 * the other reference backend nothing differs; against the planted-bug backend exactly the planted
 * fields do.
 */
class RecordAndCompareTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static Schema schema;
  private static RunningBackend grpc;
  private static RunningBackend grpcCopy;
  private static RunningBackend thrift;
  private static PlantedBugBackend planted;
  private static Path protoRecording;
  private static Path thriftRecording;

  @BeforeAll
  static void recordThroughTheGateway() throws Exception {
    schema = ConformanceSuite.loadIdl(List.of());
    grpc = ReferenceBackends.startGrpc(0);
    grpcCopy = ReferenceBackends.startGrpc(0);
    thrift = ReferenceBackends.startThrift(0, ThriftTransport.FRAMED, ThriftEncoding.BINARY);
    planted = new PlantedBugBackend();
    Path dir = Files.createTempDirectory("record");
    RecordingFilter recorder = new RecordingFilter(Optional.empty());
    try (InteropGateway gateway = InteropGateway.start(dir, "thrift", "grpc",
        "{protocol: thrift, endpoints: [\"127.0.0.1:" + thrift.port() + "\"]}",
        "{protocol: grpc, endpoints: [\"127.0.0.1:" + grpc.port() + "\"]}", Bindings.FACTORY, List.of(recorder))) {
      Path protoCases = dir.resolve("proto.yaml");
      try (var in = RecordAndCompareTest.class.getClassLoader().getResourceAsStream(StandardCases.PROTO_RESOURCE)) {
        Files.write(protoCases, in.readAllBytes());
      }
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      ConformanceSuite.run(RunOptions.of(gateway.target("grpc")).withCases(protoCases), schema, Bindings.FACTORY, quiet);
      ConformanceSuite.run(RunOptions.of(gateway.target("thrift")).withThrift(ThriftTransport.FRAMED, ThriftEncoding.COMPACT), schema,
          Bindings.FACTORY, quiet);
    }
    protoRecording = dir.resolve("recorded-proto.yaml");
    CaseFileWriter.write(protoRecording, InteropIdl.PROTO_SERVICE,
        recorder.calls().stream().filter(c -> c.service().equals(InteropIdl.PROTO_SERVICE)).toList());
    thriftRecording = dir.resolve("recorded-thrift.yaml");
    CaseFileWriter.write(thriftRecording, InteropIdl.THRIFT_SERVICE,
        recorder.calls().stream().filter(c -> c.service().equals(InteropIdl.THRIFT_SERVICE)).toList());
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {grpc, grpcCopy, thrift, planted}) {
      try {
        if (c != null) c.close();
      } catch (Exception ignored) {
        // closing the rest matters more
      }
    }
  }

  @Test
  void theRecordingHoldsEveryCallInTheCallersView() {
    CaseFile file = CaseFileParser.parse(protoRecording);
    assertEquals(InteropIdl.PROTO_SERVICE, file.service());
    assertEquals(StandardCases.loadProto().cases().size(), file.cases().size());
    var first = file.cases().get(1);
    assertEquals("EchoI64 #1", first.name());
    assertEquals("{\"value\":\"9223372036854775807\"}", first.request().toString());
    assertEquals("{\"value\":\"9223372036854775807\"}", first.expect().orElseThrow().toString());
  }

  @Test
  void replayingOnASecondCopyOfTheBackendFindsNoDifference() {
    List<String> lines = compare(protoRecording, "grpc://127.0.0.1:" + grpc.port(), "grpc://127.0.0.1:" + grpcCopy.port(), Optional.empty());
    assertEquals("18 same, 0 different", lines.get(lines.size() - 1));
    assertEquals(List.of("18 same, 0 different"), lines.stream().filter(l -> !l.startsWith("SAME ")).toList());
    assertEquals(18, lines.stream().filter(l -> l.startsWith("SAME ")).count());
  }

  @Test
  void replayingOnThePlantedBugBackendFindsExactlyThePlantedDifferences() {
    List<String> lines = compare(protoRecording, "grpc://127.0.0.1:" + grpc.port(), "grpc://127.0.0.1:" + planted.port(),
        Optional.of("grpc://127.0.0.1:" + grpcCopy.port()));
    assertEquals(List.of(
        "DIFF recorded/EchoI64 #2",
        "  at value: primary \"9007199254740993\", candidate \"9007199254740994\"",
        "DIFF recorded/EchoEnum #1",
        "  at value: primary \"MEMBER_TIER_GOLD\", candidate \"MEMBER_TIER_SILVER\"",
        "DIFF recorded/GetItem #2",
        "  at the result: primary error not_found ItemNotFound: no item with sku missing, candidate {\"sku\":\"missing\",\"quantity\":7,\"dims\":{\"widthCm\":10,\"heightCm\":20},\"tags\":[\"stock\"],\"origin\":\"warehouse\"}",
        "15 same, 3 different"), lines.stream().filter(l -> !l.startsWith("SAME ")).toList());
  }

  @Test
  void aThriftRecordingReplaysOnTheGrpcRewriteWithoutDifferences() {
    List<String> lines = compare(thriftRecording, "thrift://127.0.0.1:" + thrift.port(), "grpc://127.0.0.1:" + grpc.port(),
        Optional.of("thrift://127.0.0.1:" + thrift.port()));
    assertEquals(List.of("69 same, 0 different"), lines.stream().filter(l -> !l.startsWith("SAME ")).toList());
  }

  @Test
  void aThriftRecordingReplayedOnThePlantedBugRewriteShowsExactlyThePlantedDifferences() {
    List<String> lines = compare(thriftRecording, "thrift://127.0.0.1:" + thrift.port(), "grpc://127.0.0.1:" + planted.port(), Optional.empty());
    assertEquals(List.of(
        "DIFF recorded/echoI64 #7",
        "  at the result: primary 9007199254740993, candidate 9007199254740994",
        "DIFF recorded/echoEnum #2",
        "  at the result: primary \"GOLD\", candidate \"SILVER\"",
        "DIFF recorded/getItem #2",
        "  at the result: primary error not_found ItemNotFound: no item with sku missing, candidate {\"sku\":\"missing\",\"quantity\":7,\"dims\":{\"width_cm\":10,\"height_cm\":20},\"tags\":[\"stock\"],\"origin\":\"warehouse\"}",
        "66 same, 3 different"), lines.stream().filter(l -> !l.startsWith("SAME ")).toList());
  }

  @Test
  void fieldsWhereTwoCopiesOfTheOldBackendDisagreeAreNoiseNotDifferences(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path cases = dir.resolve("events.yaml");
    Files.writeString(cases, String.join("\n",
        "service: interop.Interop",
        "cases:",
        "  - {name: log, group: events, method: logEvent, request: {event: replayed}}",
        "  - {name: list, group: events, method: loggedEvents}",
        ""));
    try (RunningBackend old = ReferenceBackends.startThrift(0, ThriftTransport.FRAMED, ThriftEncoding.BINARY);
        RunningBackend oldCopy = ReferenceBackends.startThrift(0, ThriftTransport.FRAMED, ThriftEncoding.BINARY);
        RunningBackend rewrite = ReferenceBackends.startGrpc(0)) {
      // The primary has seen one event more than its copy and the candidate: its event list is "noise".
      CallerView caller = CallerView.of(schema, InteropIdl.THRIFT_SERVICE);
      try (TargetSession s = session(caller, "thrift://127.0.0.1:" + old.port())) {
        s.call("logEvent", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("event", "earlier"), TIMEOUT);
      }
      // Oneway: wait until the backend has it, so that the replayed event comes after it.
      for (int i = 0; i < 200 && old.loggedEvents().isEmpty(); i++) Thread.sleep(10);
      assertEquals(List.of("earlier"), old.loggedEvents());
      String primary = "thrift://127.0.0.1:" + old.port();
      String candidate = "grpc://127.0.0.1:" + rewrite.port();
      assertEquals(List.of("SAME events/log", "DIFF events/list", "  at [0]: primary \"earlier\", candidate \"replayed\"",
          "  at [1]: primary \"replayed\", candidate (absent)", "1 same, 1 different"), compare(cases, primary, candidate, Optional.empty()));
      // By now the primary also holds the first replay's event: [earlier, replayed, replayed] against [replayed].
      assertEquals(List.of("SAME events/log", "SAME events/list (3 noisy fields ignored)", "2 same, 0 different"),
          compare(cases, primary, candidate, Optional.of("thrift://127.0.0.1:" + oldCopy.port())));
    }
  }

  @Test
  void callsOfHttpCallersAreRecordedInTheThriftViewAndReplayDirectly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    RecordingFilter recorder = new RecordingFilter(Optional.of(InteropIdl.THRIFT_SERVICE));
    try (InteropGateway gateway = InteropGateway.start(dir, "thrift", "grpc",
        "{protocol: thrift, endpoints: [\"127.0.0.1:" + thrift.port() + "\"]}",
        "{protocol: grpc, endpoints: [\"127.0.0.1:" + grpc.port() + "\"]}", Bindings.FACTORY, List.of(recorder))) {
      ConformanceSuite.run(RunOptions.of(gateway.target("http")).withOnly("exceptions/*"), schema, Bindings.FACTORY,
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
    Path recorded = dir.resolve("http.yaml");
    CaseFileWriter.write(recorded, InteropIdl.THRIFT_SERVICE, recorder.calls());
    CaseFile file = CaseFileParser.parse(recorded);
    assertEquals(List.of("getItem #1", "reserve #1", "reserve #2", "reserve #3", "reserve #4", "failUndeclared #1"),
        file.cases().stream().map(c -> c.name()).toList());
    assertEquals("60", file.cases().get(1).expect().orElseThrow().toString());
    assertEquals("{\"message\":\"sku SKU-5: 101 requested, 100 available\",\"sku\":\"SKU-5\",\"available\":100,\"requested\":101}",
        file.cases().get(3).expectError().orElseThrow().fields().orElseThrow().toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConformanceSuite.run(RunOptions.of(Target.parse("thrift://127.0.0.1:" + thrift.port())).withCases(recorded), schema, Bindings.FACTORY,
        new PrintStream(out, true, StandardCharsets.UTF_8));
    List<String> lines = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    assertEquals("6 passed, 0 failed", lines.get(lines.size() - 1), out.toString(StandardCharsets.UTF_8));
  }

  static List<String> compare(Path cases, String primary, String candidate, Optional<String> secondary) {
    CaseFile file = CaseFileParser.parse(cases);
    CallerView caller = CallerView.of(schema, file.service());
    try (TargetSession p = session(caller, primary);
        TargetSession c = session(caller, candidate);
        TargetSession s = secondary.map(url -> session(caller, url)).orElse(null)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ReplayComparison.of(p, c, Optional.ofNullable(s), TIMEOUT).run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      return Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }
  }

  private static TargetSession session(CallerView caller, String url) {
    Target t = Target.parse(url);
    boolean sameIdl = (t.protocol() == Target.Protocol.THRIFT) == caller.isThrift();
    Optional<String> service = sameIdl ? Optional.empty() : Optional.of(caller.isThrift() ? InteropIdl.PROTO_SERVICE : InteropIdl.THRIFT_SERVICE);
    return TargetSession.open(t, caller, service, ThriftTransport.FRAMED, ThriftEncoding.BINARY, Bindings.FACTORY);
  }
}
