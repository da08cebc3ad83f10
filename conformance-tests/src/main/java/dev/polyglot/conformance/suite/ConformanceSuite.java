package dev.polyglot.conformance.suite;

import dev.polyglot.conformance.cases.CaseFile;
import dev.polyglot.conformance.cases.CaseFileException;
import dev.polyglot.conformance.cases.CaseFileParser;
import dev.polyglot.conformance.cases.StandardCases;
import dev.polyglot.conformance.interop.InteropIdl;
import dev.polyglot.conformance.runner.CallerView;
import dev.polyglot.conformance.runner.ConformanceRunner;
import dev.polyglot.conformance.runner.RunReport;
import dev.polyglot.conformance.runner.TargetSession;
import dev.polyglot.gateway.route.TranslatorFactory;
import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance suite as a library: what {@code ./polyglot conformance run} does, callable from
 * tests and other tools.
 */
public final class ConformanceSuite {
  private ConformanceSuite() {}

  /**
   * Loads IDL files and folders (every {@code .thrift} and {@code .proto} below them); the built-in
   * interop IDLs when {@code idl} is empty.
   *
   * @throws IdlException with every problem found
   */
  public static Schema loadIdl(List<Path> idl) throws IdlException {
    List<Path> files = idl.isEmpty() ? InteropIdl.copyTo(interopDirectory()) : expand(idl);
    return IdlLoader.create().load(files);
  }

  /** The case file at {@code file}, or the standard cases. */
  public static CaseFile cases(java.util.Optional<Path> file) {
    return file.map(CaseFileParser::parse).orElseGet(StandardCases::load);
  }

  /**
   * Runs the cases and prints the report to {@code out}; writes JUnit XML when asked.
   *
   * @param translators the method bindings, for {@code --target-service}
   * @throws IllegalArgumentException for options that cannot work together (a message for the user)
   * @throws CaseFileException when the case file is broken or names a service no IDL declares
   */
  public static RunReport run(RunOptions options, Schema schema, TranslatorFactory translators, PrintStream out) throws IOException {
    CaseFile file = cases(options.cases());
    CallerView caller;
    try {
      caller = CallerView.of(schema, file.service());
    } catch (IllegalArgumentException e) {
      throw new CaseFileException(List.of(file.source() + ": service: " + e.getMessage()));
    }
    try (TargetSession session = TargetSession.open(options.target(), caller, options.targetService(), options.transport(),
        options.encoding(), translators)) {
      RunReport report = ConformanceRunner.of(session, options.timeout(), options.only()).run(file, out);
      if (options.report().isPresent()) report.writeJUnitXml(options.report().get());
      return report;
    }
  }

  private static List<Path> expand(List<Path> idl) {
    return idl.stream().flatMap(p -> {
      if (!Files.isDirectory(p)) return Stream.of(p);
      try (Stream<Path> walk = Files.walk(p)) {
        return walk.filter(f -> f.toString().endsWith(".thrift") || f.toString().endsWith(".proto")).sorted().toList().stream();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + p, e);
      }
    }).toList();
  }

  private static Path interopDirectory() {
    try {
      Path dir = Files.createTempDirectory("polyglot-interop-idl");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the interop IDLs", e);
    }
  }
}
