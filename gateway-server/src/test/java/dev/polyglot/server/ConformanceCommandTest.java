package dev.polyglot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.conformance.cases.CaseFile;
import dev.polyglot.conformance.cases.CaseFileParser;
import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code polyglot conformance ...} through {@link Main#execute}, against real reference backends. */
class ConformanceCommandTest {
  private static RunningBackend thrift;

  record Run(int exit, String out, String err) {
    List<String> lines() {
      return List.of(out.split("\n"));
    }

    String last() {
      List<String> l = lines();
      return l.get(l.size() - 1);
    }
  }

  @BeforeAll
  static void start() {
    thrift = ReferenceBackends.startThrift(0, ThriftTransport.BUFFERED, ThriftEncoding.COMPACT);
  }

  @AfterAll
  static void stop() {
    thrift.close();
  }

  private static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      List<String> all = new ArrayList<>(List.of("conformance"));
      all.addAll(List.of(args));
      int exit = Main.execute(all.toArray(String[]::new));
      System.out.flush();
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static String thriftTarget() {
    return "thrift://127.0.0.1:" + thrift.port();
  }

  @Test
  void runPassesTheStandardCasesAndExitsZero() {
    Run r = run("run", "--target", thriftTarget(), "--transport", "buffered", "--encoding", "compact");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("69 passed, 0 failed", r.last());
    assertEquals("PASS base types/ping", r.lines().get(0));
  }

  @Test
  void runWithOnlyAndReportWritesJUnitXmlForTheSelectedCases(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("out/junit.xml");
    Run r = run("run", "--target", thriftTarget(), "--transport", "buffered", "--encoding", "compact", "--only", "base types/i64*",
        "--report", xml.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("PASS base types/i64 minimum", "PASS base types/i64 maximum", "PASS base types/i64 2^32 - 1",
        "PASS base types/i64 2^32", "PASS base types/i64 -2^32 - 1", "PASS base types/i64 2^53", "PASS base types/i64 2^53 + 1",
        "PASS base types/i64 -(2^53 + 1)", "8 passed, 0 failed"), r.lines());
    String report = Files.readString(xml);
    assertTrue(report.contains("tests=\"8\" failures=\"0\""), report);
    assertEquals(8, report.split("<testcase ", -1).length - 1);
  }

  @Test
  void aFailingUserCaseExitsOneAndSaysWhatWasSentAndReceived(@TempDir Path dir) throws Exception {
    Path cases = dir.resolve("mine.yaml");
    Files.writeString(cases, String.join("\n",
        "service: interop.Interop",
        "cases:",
        "  - name: wrong quantity",
        "    group: mine",
        "    method: getItem",
        "    request: {sku: X}",
        "    expect: {sku: X, quantity: 8, dims: {width_cm: 10, height_cm: 20}, tags: [stock], origin: warehouse}",
        "  - name: still right",
        "    group: mine",
        "    method: getItem",
        "    request: {sku: Y}",
        "    ignore: [dims]",
        "    expect: {sku: Y, quantity: 7, dims: {width_cm: 0}, tags: [stock], origin: warehouse}",
        ""));
    Run r = run("run", "--target", thriftTarget(), "--transport", "buffered", "--encoding", "compact", "--cases", cases.toString());
    assertEquals(1, r.exit(), r.err());
    assertEquals(List.of(
        "FAIL mine/wrong quantity: first difference at quantity: expected 8, received 7",
        "  sent:     getItem {\"sku\":\"X\"}",
        "  received: {\"sku\":\"X\",\"quantity\":7,\"dims\":{\"width_cm\":10,\"height_cm\":20},\"tags\":[\"stock\"],\"origin\":\"warehouse\"}",
        "PASS mine/still right",
        "1 passed, 1 failed"), r.lines());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "run --target ftp://h:1 | --target: ftp://h:1: unknown scheme ftp (expected: thrift://HOST:PORT, grpc://HOST:PORT or http://HOST:PORT)",
      "run --target thrift://127.0.0.1:1 --transport tcp | --transport: tcp (expected: framed or buffered)",
      "run --target grpc://127.0.0.1:1 | grpc://127.0.0.1:1 speaks grpc but interop.Interop is a thrift service (expected: --target-service naming the proto service the target serves)",
      "serve --protocol smtp --port 1 | --protocol: smtp (expected: thrift or grpc)",
      "serve --protocol grpc --port 70000 | --port: 70000 (expected: 0-65535)",
      "compare --primary thrift://127.0.0.1:1 --candidate thrift://127.0.0.1:2 | Missing required option: '--cases=FILE'"})
  void usageErrorsExitTwoWithTheReason(String args, String message) {
    Run r = run(args.split(" "));
    assertEquals(2, r.exit(), r.err());
    assertEquals(message, r.err().lines().findFirst().orElse(""));
  }

  @Test
  void aBrokenCaseFileExitsOneWithItsLocatedProblem(@TempDir Path dir) throws Exception {
    Path cases = dir.resolve("broken.yaml");
    Files.writeString(cases, "service: interop.Interop\ncases:\n  - name: x\n");
    Run r = run("run", "--target", thriftTarget(), "--cases", cases.toString());
    assertEquals(1, r.exit());
    assertEquals(cases + ":3:5: cases[0].method: missing (expected: a string)", r.err().strip());
  }

  @Test
  void aCaseFileOfAServiceNoIdlDeclaresExitsOne(@TempDir Path dir) throws Exception {
    Path cases = dir.resolve("other.yaml");
    Files.writeString(cases, "service: billing.Billing\ncases:\n  - {name: x, method: charge}\n");
    Run r = run("run", "--target", thriftTarget(), "--cases", cases.toString());
    assertEquals(1, r.exit());
    assertEquals(cases + ": service: unknown service billing.Billing (loaded: interop.Interop, polyglot.interop.v1.InteropService)", r.err().strip());
  }

  @Test
  void serveRunsAReferenceBackendUntilStopped() throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> {
      var cl = Main.newCommandLine();
      cl.setOut(new PrintWriter(out, true));
      exit.set(cl.execute("conformance", "serve", "--protocol", "thrift", "--port", "0", "--transport", "buffered"));
    });
    serving.start();
    int port = awaitPort(out, Pattern.compile("serving the thrift reference backend \\(buffered, binary\\) on thrift://127\\.0\\.0\\.1:(\\d+) \\(Ctrl-C stops\\)"));
    Run r = run("run", "--target", "thrift://127.0.0.1:" + port, "--transport", "buffered", "--only", "exceptions/*");
    assertEquals("6 passed, 0 failed", r.last());
    serving.interrupt();
    serving.join(10_000);
    assertEquals(0, exit.get());
  }

  @Test
  void recordWritesTheCallsThroughTheGatewayAndCompareFindsNoDifference(@TempDir Path dir) throws Exception {
    InteropIdl.copyTo(dir);
    int listenerPort = freePort();
    Files.writeString(dir.resolve("gateway.yaml"), String.join("\n",
        "idl: [interop.thrift, interop.proto]",
        "listeners:",
        "  thrift: {host: 127.0.0.1, port: " + listenerPort + ", service: interop.Interop}",
        "admin: {port: " + freePort() + "}",
        "backends:",
        "  legacy: {protocol: thrift, endpoints: [\"127.0.0.1:" + thrift.port() + "\"], transport: buffered, encoding: compact}",
        "routes:",
        "  - {service: interop.Interop, backend: legacy}",
        ""));
    Path recorded = dir.resolve("recorded.yaml");
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread recording = new Thread(() -> {
      var cl = Main.newCommandLine();
      cl.setOut(new PrintWriter(out, true));
      exit.set(cl.execute("conformance", "record", "--config", dir.resolve("gateway.yaml").toString(), "--out", recorded.toString()));
    });
    recording.start();
    awaitLine(out, "recording calls through the gateway; Ctrl-C writes " + recorded);
    Run r = run("run", "--target", "thrift://127.0.0.1:" + listenerPort, "--transport", "buffered", "--encoding", "compact", "--only", "base types/i64*");
    assertEquals("8 passed, 0 failed", r.last(), r.out());
    recording.interrupt();
    recording.join(20_000);
    assertEquals(0, exit.get());
    assertTrue(out.toString().contains("wrote 8 cases of interop.Interop to " + recorded), out.toString());
    CaseFile file = CaseFileParser.parse(recorded);
    assertEquals("echoI64 #1", file.cases().get(0).name());
    assertEquals("-9223372036854775808", file.cases().get(0).expect().orElseThrow().toString());

    try (RunningBackend copy = ReferenceBackends.startThrift(0, ThriftTransport.BUFFERED, ThriftEncoding.COMPACT)) {
      Run c = run("compare", "--primary", thriftTarget(), "--candidate", "thrift://127.0.0.1:" + copy.port(), "--cases", recorded.toString(),
          "--transport", "buffered", "--encoding", "compact");
      assertEquals(0, c.exit(), c.out() + c.err());
      assertEquals("SAME recorded/echoI64 #1", c.lines().get(0));
      assertEquals("8 same, 0 different", c.last());
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static int awaitPort(StringWriter out, Pattern line) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Matcher m = line.matcher(out.toString());
      if (m.find()) return Integer.parseInt(m.group(1));
      Thread.sleep(50);
    }
    throw new AssertionError("no line matching " + line + " in: " + out);
  }

  private static void awaitLine(StringWriter out, String line) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      if (out.toString().contains(line)) return;
      Thread.sleep(50);
    }
    throw new AssertionError("no line " + line + " in: " + out);
  }
}
