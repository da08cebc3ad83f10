package dev.polyglot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code polyglot transcode} through {@link Main#execute}, with stdin, stdout and stderr captured. */
class TranscodeCommandTest {
  private static final String ITEM_JSON = "{\"sku\":\"A-1\",\"qty\":5,\"color\":\"GREEN\",\"tags\":[\"x\"]}";
  private static final String ITEM_BINARY_HEX =
      "0b000100000003412d31" + "0a00020000000000000005" + "08000300000002" + "0f00040b000000010000000178" + "00";
  private static final String ITEM_COMPACT_HEX = "1803412d31" + "160a" + "1504" + "19180178" + "00";
  private static final String PROTO_ITEM_BASE64 = "CgNBLTEQBRoBeCICCAE=";

  record Run(int exit, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  private static Run run(byte[] stdin, String... args) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      List<String> all = new ArrayList<>(List.of("transcode"));
      all.addAll(List.of(args));
      int exit = Main.execute(all.toArray(String[]::new));
      System.out.flush();
      return new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static Run run(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  private static String idl(String name) {
    try {
      return Path.of(TranscodeCommandTest.class.getResource("/transcode/" + name).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void jsonToThriftBinaryAsHex() {
    Run r = run(ITEM_JSON + "\n", "--idl", idl("warehouse.thrift"), "--type", "warehouse.Item", "--from", "json", "--to", "thrift-binary", "--hex");
    assertEquals("", r.stderr());
    assertEquals(0, r.exit());
    assertEquals(ITEM_BINARY_HEX + "\n", r.out());
  }

  @Test
  void rawThriftBinaryOnStdinToJson() {
    Run r = run(HexFormat.of().parseHex(ITEM_BINARY_HEX), "--idl", idl("warehouse.thrift"), "--type", "Item", "--from", "thrift-binary", "--to", "json");
    assertEquals("", r.stderr());
    assertEquals(0, r.exit());
    assertEquals(ITEM_JSON + "\n", r.out());
  }

  @Test
  void jsonToRawThriftCompactOnStdout() {
    Run r = run(ITEM_JSON, "--idl", idl("warehouse.thrift"), "--type", "warehouse.Item", "--from", "thrift-json", "--to", "thrift-compact");
    assertEquals(0, r.exit());
    assertEquals(ITEM_COMPACT_HEX, HexFormat.of().formatHex(r.stdout()));
  }

  @Test
  void hexInputMayBeSpacedOverLines() {
    Run r = run("18 03 41 2d 31\n16 0a 15 04\n19 18 01 78 00\n", "--idl", idl("warehouse.thrift"), "--type", "warehouse.Item",
        "--from", "thrift-compact", "--to", "json", "--hex", "--pretty");
    assertEquals(0, r.exit());
    assertEquals("{\n  \"sku\": \"A-1\",\n  \"qty\": 5,\n  \"color\": \"GREEN\",\n  \"tags\": [\n    \"x\"\n  ]\n}\n", r.out());
  }

  @Test
  void protobufAsBase64ToProtoJson() {
    Run r = run(PROTO_ITEM_BASE64 + "\n", "--idl", idl("warehouse.proto"), "--type", "acme.warehouse.v1.Item", "--from", "protobuf",
        "--to", "json", "--base64");
    assertEquals("", r.stderr());
    assertEquals(0, r.exit());
    assertEquals("{\"sku\":\"A-1\",\"qty\":\"5\",\"tags\":[\"x\"],\"updatedAt\":\"1970-01-01T00:00:01Z\"}\n", r.out());
  }

  @Test
  void protoJsonWithDeclaredNamesToProtobufAsBase64() {
    Run r = run("{\"sku\":\"A-1\",\"qty\":5,\"tags\":[\"x\"],\"updated_at\":\"1970-01-01T00:00:01Z\"}",
        "--idl", idl("warehouse.proto"), "--type", "acme.warehouse.v1.Item", "--from", "proto-json", "--to", "protobuf", "--base64");
    assertEquals(0, r.exit());
    assertEquals(PROTO_ITEM_BASE64 + "\n", r.out());
  }

  @Test
  void aThriftTypeCanBeShownInTheProtoDialect() {
    Run r = run(ITEM_JSON, "--idl", idl("warehouse.thrift"), "--type", "warehouse.Item", "--from", "thrift-json", "--to", "proto-json");
    assertEquals(0, r.exit());
    assertEquals("{\"sku\":\"A-1\",\"qty\":\"5\",\"color\":\"GREEN\",\"tags\":[\"x\"]}\n", r.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      malformed JSON            | `{"sku":"A-1",}`             | thrift-json   | `error: malformed JSON at 1:14: Unexpected character ('}' (code 125)): was expecting double-quote to start field name`
      a wrong type with its path| `{"sku":"A-1","qty":"many"}` | thrift-json   | `error: qty: expected an integer, got "many"`
      a missing required field  | `{"qty":1}`                  | thrift-json   | `error: required field sku (id 1) of warehouse.Item is missing (expected: a value)`
      bad hex                   | `0b00zz`                     | thrift-binary | `error: input is not hex: 'z' at position 5 (expected: 0-9, a-f)`
      truncated binary          | `0b0001000000`               | thrift-binary | `error: sku: input ends early (expected: a string length)`
      """)
  void badInputExitsOneWithTheReason(String name, String stdin, String from, String expected) {
    Run r = run(stdin, "--idl", idl("warehouse.thrift"), "--type", "warehouse.Item", "--from", from, "--to", "json", "--hex");
    assertEquals(expected + "\n", r.stderr());
    assertEquals(1, r.exit());
    assertEquals("", r.out());
  }

  @Test
  void aBrokenIdlExitsOneWithFileLineAndColumn() {
    Run r = run("{}", "--idl", idl("broken.thrift"), "--type", "broken.Broken", "--from", "json", "--to", "thrift-binary");
    assertEquals(1, r.exit());
    assertEquals(idl("broken.thrift") + ":2:6: unknown type 'strng' (expected: a base type, a container, or a struct, union, "
        + "exception, enum or typedef in scope)\n", r.stderr());
  }

  @Test
  void anUnknownTypeIsAUsageErrorListingTheTypes() {
    Run r = run("{}", "--idl", idl("warehouse.thrift"), "--type", "warehouse.Itm", "--from", "json", "--to", "thrift-binary");
    assertEquals(2, r.exit());
    assertEquals("error: --type warehouse.Itm: no such struct or message (expected one of: warehouse.Item)\n", r.stderr());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Run r = run("{}", "--idl", idl("warehouse.thrift"), "--type", "warehouse.Item", "--from", "xml", "--to", "json");
    assertEquals(2, r.exit());
    assertEquals("Invalid value for option '--from': unknown format 'xml' (expected: one of json, proto-json, thrift-json, "
        + "thrift-binary, thrift-compact, protobuf)", r.stderr().lines().findFirst().orElseThrow());
  }

  private static final String INTEROP_THRIFT = "../conformance-tests/src/main/resources/idl/interop.thrift";
  private static final String INTEROP_PROTO = "../conformance-tests/src/main/proto/polyglot/interop/v1/interop.proto";

  private static Run bind(String stdin, String caller, String backend, String method, String direction, String from, String to, String... more) {
    List<String> args = new ArrayList<>(List.of("--idl", INTEROP_THRIFT, "--idl", INTEROP_PROTO, "--caller", caller, "--backend", backend,
        "--method", method, direction, "--from", from, "--to", to));
    args.addAll(List.of(more));
    return run(stdin, args.toArray(String[]::new));
  }

  @Test
  void aThriftJsonRequestBecomesTheProtoBackendsRequest() {
    Run r = bind("{\"sku\": \"A-1\"}", "interop.Interop", "polyglot.interop.v1.InteropService", "getItem", "--request", "json", "protobuf", "--hex");
    assertEquals("", r.stderr());
    assertEquals(0, r.exit());
    assertEquals("0a03412d31\n", r.out());
  }

  @Test
  void aProtobufReplyBecomesTheBareResultJsonOfTheThriftCaller() {
    Run r = bind("0805", "interop.Interop", "polyglot.interop.v1.InteropService", "add", "--reply", "protobuf", "json", "--hex");
    assertEquals(0, r.exit());
    assertEquals("5\n", r.out());
  }

  @Test
  void aPrettyThriftResultIsTheBareValueToo() {
    Run r = bind("{\"sku\": \"A\", \"quantity\": 2}", "interop.Interop", "polyglot.interop.v1.InteropService", "echoItem", "--reply",
        "proto-json", "json", "--pretty");
    assertEquals("", r.stderr());
    assertEquals("{\n    \"sku\": \"A\",\n    \"quantity\": 2,\n    \"tags\": [ ],\n    \"origin\": \"\"\n  }\n", r.out());
  }

  @Test
  void aProtoJsonRequestTooWideForTheThriftBackendExitsOneWithThePath() {
    Run r = bind("{\"value\": 300}", "polyglot.interop.v1.InteropService", "interop.Interop", "EchoByte", "--request", "json", "thrift-binary", "--hex");
    assertEquals(1, r.exit());
    assertEquals("error: value: 300 is out of range (expected: an i8 between -128 and 127)\n", r.stderr());
  }

  @Test
  void aProtoCallersRequestReachesThriftWithZeroValuesForAbsentFields() {
    Run r = bind("{\"item\": {\"sku\": \"A\"}}", "polyglot.interop.v1.InteropService", "interop.Interop", "EchoItem", "--request", "json", "thrift-json");
    assertEquals(0, r.exit());
    assertEquals("{\"item\":{\"sku\":\"A\",\"quantity\":0,\"tags\":[],\"origin\":\"\"}}\n", r.out());
  }

  @Test
  void methodBindingModeNeedsAllItsOptions() {
    Run r = run("{}", "--idl", INTEROP_THRIFT, "--caller", "interop.Interop", "--request", "--from", "json", "--to", "protobuf");
    assertEquals(2, r.exit());
    assertEquals("error: a method binding needs --caller, --backend, --method and one of --request or --reply\n", r.stderr());
  }

  @Test
  void helpNamesEveryFormatAndTheBinaryTextOptions() {
    Run r = run("", "--help");
    assertEquals(0, r.exit());
    String text = r.out().replaceAll("\\s+", " ");
    assertEquals(true, text.contains(
        "Formats: json (the type's own IDL dialect), proto-json, thrift-json, thrift-binary, thrift-compact, protobuf."), text);
    assertEquals(true, text.contains("--hex Binary input and output as hex text (whitespace in the input is ignored)."), text);
    assertEquals(true, text.contains("--base64 Binary input and output as base64 text."), text);
  }
}
