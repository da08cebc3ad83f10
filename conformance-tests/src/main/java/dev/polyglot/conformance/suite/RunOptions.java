package dev.polyglot.conformance.suite;

import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.runner.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code conformance run} was asked to do.
 *
 * @param idl IDL files or folders; empty for the built-in interop IDLs
 * @param cases a case file; empty for the standard cases
 * @param targetService the target's own service when it is not the case file's
 * @param only a {@code --only} pattern
 * @param report where to write JUnit XML
 * @param timeout per call
 */
public record RunOptions(
    Target target,
    List<Path> idl,
    Optional<Path> cases,
    Optional<String> targetService,
    Optional<String> only,
    Optional<Path> report,
    ThriftTransport transport,
    ThriftEncoding encoding,
    Duration timeout) {

  public RunOptions {
    Objects.requireNonNull(target, "target");
    idl = List.copyOf(idl);
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(targetService, "targetService");
    Objects.requireNonNull(only, "only");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(encoding, "encoding");
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout: " + timeout + " (expected: positive)");
  }

  /** The standard cases and interop IDLs against {@code target}: framed binary Thrift, 10 s per call. */
  public static RunOptions of(Target target) {
    return new RunOptions(target, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        ThriftTransport.FRAMED, ThriftEncoding.BINARY, Duration.ofSeconds(10));
  }

  public RunOptions withTargetService(String service) {
    return new RunOptions(target, idl, cases, Optional.of(service), only, report, transport, encoding, timeout);
  }

  public RunOptions withThrift(ThriftTransport newTransport, ThriftEncoding newEncoding) {
    return new RunOptions(target, idl, cases, targetService, only, report, newTransport, newEncoding, timeout);
  }

  public RunOptions withCases(Path file) {
    return new RunOptions(target, idl, Optional.of(file), targetService, only, report, transport, encoding, timeout);
  }

  public RunOptions withIdl(List<Path> files) {
    return new RunOptions(target, files, cases, targetService, only, report, transport, encoding, timeout);
  }

  public RunOptions withOnly(String pattern) {
    return new RunOptions(target, idl, cases, targetService, Optional.of(pattern), report, transport, encoding, timeout);
  }

  public RunOptions withReport(Path file) {
    return new RunOptions(target, idl, cases, targetService, only, Optional.of(file), transport, encoding, timeout);
  }
}
