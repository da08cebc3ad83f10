package dev.polyglot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code polyglot idl compat} and {@code polyglot idl convert}: exact output and exit codes. */
class IdlCommandTest {
  private static final String DIR = "src/test/resources/idl/";
  @TempDir Path work;

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String expected(String name) throws Exception {
    return Files.readString(Path.of(DIR, "expected", name));
  }

  @Test
  void compatPrintsTheBindingAndWarningsAndExitsZeroWhenBridgeable() throws Exception {
    Run r = run("idl", "compat", "--caller", "shop.Shop", "--backend", "acme.shop.v1.ShopService", DIR + "shop.thrift", DIR + "shop.proto");
    assertEquals(expected("compat-bridgeable.txt"), r.out());
    assertEquals("", r.err());
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("  warning: getItem.response.size: enum value acme.shop.v1.Size.SIZE_HUGE has no counterpart in shop.Size;"));
  }

  @Test
  void compatPrintsEveryProblemWithItsPathAndExitsOneWhenNotBridgeable() throws Exception {
    Run r = run("idl", "compat", "--caller", "Shop", "--backend", "acme.shop.v2.ShopService", DIR + "shop.thrift", DIR + "shop_v2.proto");
    assertEquals(expected("compat-not-bridgeable.txt"), r.out());
    assertTrue(r.out().endsWith("""
        problems:
          error: getItem.response.sku: type mismatch: caller has string, backend has int64
          error: ping: backend acme.shop.v2.ShopService has no method ping (methods match by name ignoring case and underscores)
        not bridgeable: 1 of 2 methods bound, 2 errors, 0 warnings
        """), r.out());
    assertEquals("", r.err());
    assertEquals(1, r.exitCode());
  }

  @Test
  void compatOfFilesThatDoNotLoadPrintsEveryProblemAndExitsOne() {
    Run r = run("idl", "compat", "--caller", "a", "--backend", "b", DIR + "broken.thrift");
    assertEquals(DIR + "broken.thrift:2:6: unknown type 'Missing' (expected: a base type, a container, or a struct, union, exception, "
        + "enum or typedef in scope)\n1 problem\n", r.err());
    assertEquals("", r.out());
    assertEquals(1, r.exitCode());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', textBlock = """
      unknown caller service# idl compat --caller Nope --backend acme.shop.v1.ShopService S/shop.thrift S/shop.proto # --caller: unknown service Nope (loaded: shop.Shop, acme.shop.v1.ShopService)
      ambiguous backend name# idl compat --caller Shop --backend ShopService S/shop.thrift S/shop.proto S/shop_v2.proto # --backend: service name ShopService is ambiguous (expected one of: acme.shop.v1.ShopService, acme.shop.v2.ShopService)
      missing backend option# idl compat --caller Shop S/shop.thrift # Missing required option: '--backend=SERVICE'
      missing files         # idl compat --caller Shop --backend ShopService # Missing required parameter: 'FILE'
      unknown target IDL    # idl convert --to xml S/shop.thrift # --to: xml (expected: proto or thrift)
      proto file to proto   # idl convert --to proto S/shop.proto # FILE: S/shop.proto (expected: a .thrift file for --to proto)
      thrift file to thrift # idl convert --to thrift S/shop.thrift # FILE: S/shop.thrift (expected: a .proto file for --to thrift)
      missing target option # idl convert S/shop.thrift # Missing required option: '--to=proto|thrift'
      two files to convert  # idl convert --to proto S/shop.thrift S/broken.thrift # Unmatched argument at index 5: 'S/broken.thrift'
      """)
  void usageErrorPrintsTheReasonAndUsageAndExitsTwo(String caseName, String args, String message) {
    Run r = run(args.replace("S/", DIR).split(" "));
    assertEquals(message.replace("S/", DIR), r.err().lines().findFirst().orElse(""), caseName);
    assertTrue(r.err().contains("Usage: polyglot idl "), r.err());
    assertEquals("", r.out());
    assertEquals(2, r.exitCode());
  }

  @Test
  void convertToProtoWritesTheProtoToStdout() throws Exception {
    Run r = run("idl", "convert", "--to", "proto", DIR + "shop.thrift");
    assertEquals(expected("shop.proto"), r.out());
    assertEquals("", r.err());
    assertEquals(0, r.exitCode());
  }

  @Test
  void convertToThriftWritesTheFileNamedByOutput() throws Exception {
    Path out = work.resolve("shop.thrift");
    Run r = run("idl", "convert", "--to", "thrift", "-o", out.toString(), DIR + "shop.proto");
    assertEquals(new Run(0, "", ""), r);
    assertEquals(expected("shop.thrift"), Files.readString(out));
  }

  @Test
  void convertOfAStructKeyedMapNamesTheFieldAndExitsOne() throws Exception {
    Path bad = work.resolve("heat.thrift");
    Files.writeString(bad, "struct P {\n  1: i32 x\n}\nstruct Heat {\n  1: map<P, i64> byPoint\n}\n");
    Run r = run("idl", "convert", "--to", "proto", bad.toString());
    assertEquals(bad + ":5:3: cannot convert map<P, i64> of field byPoint to proto (proto map keys are integers, bool or string)\n1 problem\n", r.err());
    assertEquals("", r.out());
    assertEquals(1, r.exitCode());
  }

  @Test
  void convertedProtoBindsBackToItsThriftSource() {
    Path out = work.resolve("shop.proto");
    assertEquals(0, run("idl", "convert", "--to", "proto", "-o", out.toString(), DIR + "shop.thrift").exitCode());
    Run r = run("idl", "compat", "--caller", "shop.Shop", "--backend", "dev.polyglot.shop.Shop", DIR + "shop.thrift", out.toString());
    assertTrue(r.out().endsWith("problems: none\nbridgeable: 2 of 2 methods bound, 0 errors, 0 warnings\n"), r.out());
    assertEquals(0, r.exitCode());
    Run back = run("idl", "compat", "--caller", "dev.polyglot.shop.Shop", "--backend", "shop.Shop", DIR + "shop.thrift", out.toString());
    assertTrue(back.out().endsWith("problems: none\nbridgeable: 2 of 2 methods bound, 0 errors, 0 warnings\n"), back.out());
    assertEquals(0, back.exitCode());
  }

  @Test
  void convertedThriftBindsBackToItsProtoSource() {
    // Saved under another stem: shop.thrift would name its service shop.ShopService, but the proto's package is acme.shop.v1.
    Path out = work.resolve("shop_thrift.thrift");
    assertEquals(0, run("idl", "convert", "--to", "thrift", "-o", out.toString(), DIR + "shop.proto").exitCode());
    Run r = run("idl", "compat", "--caller", "shop_thrift.ShopService", "--backend", "acme.shop.v1.ShopService", DIR + "shop.proto", out.toString());
    assertTrue(r.out().endsWith("problems: none\nbridgeable: 2 of 2 methods bound, 0 errors, 0 warnings\n"), r.out());
    assertEquals(0, r.exitCode());
  }
}
