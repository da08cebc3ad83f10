package dev.polyglot.server;

import dev.polyglot.conformance.cases.CaseFile;
import dev.polyglot.conformance.cases.CaseFileException;
import dev.polyglot.conformance.record.CaseFileWriter;
import dev.polyglot.conformance.record.RecordedCall;
import dev.polyglot.conformance.record.RecordingFilter;
import dev.polyglot.conformance.record.ReplayComparison;
import dev.polyglot.conformance.reference.ReferenceBackends;
import dev.polyglot.conformance.reference.RunningBackend;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.runner.CallerView;
import dev.polyglot.conformance.runner.RunReport;
import dev.polyglot.conformance.runner.Target;
import dev.polyglot.conformance.runner.TargetSession;
import dev.polyglot.conformance.suite.ConformanceSuite;
import dev.polyglot.conformance.suite.GatewayLauncher;
import dev.polyglot.conformance.suite.RunOptions;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.ConfigException;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GatewayConfigLoader;
import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.Schema;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polyglot conformance}: run the conformance cases against a backend or a gateway, serve the
 * reference backends, record a gateway's traffic as cases, and compare an old and a new backend.
 *
 * <p>Exit codes: 0 every case passed (or no difference); 1 a case failed, a difference was found, or
 * an IDL or case file is broken; 2 usage error.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = "Prove a backend over any protocol before traffic moves to it.",
    subcommands = {ConformanceCommand.Run.class, ConformanceCommand.Serve.class, ConformanceCommand.Record.class,
        ConformanceCommand.Compare.class})
final class ConformanceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: run, serve, record or compare (see --help)");
  }

  /** Options every replaying subcommand shares. */
  static class TargetOptions {
    @Option(names = "--idl", paramLabel = "FILE", arity = "1..*",
        description = "IDL files or folders (repeatable); default: the built-in interop IDLs.")
    List<Path> idl = new ArrayList<>();

    @Option(names = "--cases", paramLabel = "FILE", description = "A YAML case file; default: the standard interop cases.")
    Path cases;

    @Option(names = "--target-service", paramLabel = "NAME",
        description = "The service the target serves when it is not the case file's (e.g. the gRPC rewrite's proto service).")
    String targetService;

    @Option(names = "--transport", paramLabel = "framed|buffered", defaultValue = "framed", description = "Thrift transport (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--encoding", paramLabel = "binary|compact", defaultValue = "binary", description = "Thrift encoding (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Per call (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    ThriftTransport transport(CommandLine cl) {
      return choice(cl, "--transport", transport, ThriftTransport.class);
    }

    ThriftEncoding encoding(CommandLine cl) {
      return choice(cl, "--encoding", encoding, ThriftEncoding.class);
    }

    Duration timeout(CommandLine cl) {
      if (timeoutSeconds < 1) throw new CommandLine.ParameterException(cl, "--timeout: " + timeoutSeconds + " (expected: at least 1 second)");
      return Duration.ofSeconds(timeoutSeconds);
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Run the conformance cases against a backend or gateway; one line per case, then 'N passed, N failed'.",
          "Exit 0 only when every case passes."},
      footer = {"", "Examples:",
          "  polyglot conformance run --target thrift://127.0.0.1:9090 --transport buffered --encoding compact",
          "  polyglot conformance run --target grpc://127.0.0.1:50051 --target-service polyglot.interop.v1.InteropService",
          "  polyglot conformance run --target http://127.0.0.1:8080 --idl my.thrift --cases my-cases.yaml --report junit.xml"})
  static final class Run implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "URL", description = "thrift://HOST:PORT, grpc://HOST:PORT or http://HOST:PORT.")
    String target;

    @CommandLine.Mixin TargetOptions options;

    @Option(names = "--only", paramLabel = "PATTERN", description = "Only cases whose name or group/name matches (* is a wildcard).")
    String only;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    Path report;

    @Override
    public Integer call() {
      CommandLine cl = spec.commandLine();
      Target t = target(cl, target);
      RunOptions run = new RunOptions(t, options.idl, Optional.ofNullable(options.cases), Optional.ofNullable(options.targetService),
          Optional.ofNullable(only), Optional.ofNullable(report), options.transport(cl), options.encoding(cl), options.timeout(cl));
      PrintWriter err = cl.getErr();
      Schema schema;
      try {
        schema = ConformanceSuite.loadIdl(options.idl);
      } catch (IdlException e) {
        return fail(err, e.getMessage());
      }
      try {
        RunReport r = ConformanceSuite.run(run, schema, Translators.factory(), System.out);
        return r.allPassed() ? 0 : 1;
      } catch (CaseFileException e) {
        return fail(err, e.getMessage());
      } catch (IOException e) {
        return fail(err, "polyglot: cannot write the report " + report + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serve a reference backend of the interop service until Ctrl-C.")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--protocol", required = true, paramLabel = "thrift|grpc", description = "The backend's protocol.")
    String protocol;

    @Option(names = "--port", required = true, paramLabel = "N", description = "The port on 127.0.0.1 (0 picks a free one).")
    int port;

    @Option(names = "--transport", paramLabel = "framed|buffered", defaultValue = "framed", description = "Thrift transport (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--encoding", paramLabel = "binary|compact", defaultValue = "binary", description = "Thrift encoding (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Override
    public Integer call() {
      CommandLine cl = spec.commandLine();
      if (port < 0 || port > 65535) throw new CommandLine.ParameterException(cl, "--port: " + port + " (expected: 0-65535)");
      RunningBackend backend = switch (protocol.toLowerCase(Locale.ROOT)) {
        case "thrift" -> ReferenceBackends.startThrift(port, choice(cl, "--transport", transport, ThriftTransport.class),
            choice(cl, "--encoding", encoding, ThriftEncoding.class));
        case "grpc" -> ReferenceBackends.startGrpc(port);
        default -> throw new CommandLine.ParameterException(cl, "--protocol: " + protocol + " (expected: thrift or grpc)");
      };
      String what = protocol.equalsIgnoreCase("thrift")
          ? "thrift reference backend (" + transport.toLowerCase(Locale.ROOT) + ", " + encoding.toLowerCase(Locale.ROOT) + ") on thrift://127.0.0.1:" + backend.port()
          : "grpc reference backend on grpc://127.0.0.1:" + backend.port();
      PrintWriter out = cl.getOut();
      out.println("serving the " + what + " (Ctrl-C stops)");
      out.flush();
      return untilStopped(backend::close);
    }
  }

  @Command(name = "record", mixinStandardHelpOptions = true,
      description = {"Run the gateway from a gateway.yaml (its listeners and routes; no admin API) and record every call",
          "and reply, in the caller's view, into a case file written when stopped (Ctrl-C)."})
  static final class Record implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The gateway.yaml to run.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The case file to write.")
    Path out;

    @Option(names = "--service", paramLabel = "NAME", description = "Record only calls to this caller service (default: the first one called).")
    String service;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      GatewayConfig cfg;
      try {
        cfg = GatewayConfigLoader.load(config);
      } catch (ConfigException e) {
        return fail(err, e.getMessage());
      }
      RecordingFilter recorder = new RecordingFilter(Optional.ofNullable(service));
      Gateway gateway;
      try {
        gateway = GatewayLauncher.start(cfg, Translators.factory(), List.of(recorder));
      } catch (IOException | RuntimeException e) {
        return fail(err, "polyglot: cannot start the gateway: " + e.getMessage());
      }
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("recording calls through the gateway; Ctrl-C writes " + out);
      stdout.flush();
      return untilStopped(() -> {
        gateway.stop();
        write(recorder, stdout, err);
      });
    }

    private void write(RecordingFilter recorder, PrintWriter stdout, PrintWriter err) {
      List<RecordedCall> calls = recorder.calls();
      String name = service != null ? service : calls.isEmpty() ? "" : calls.get(0).service();
      List<RecordedCall> kept = calls.stream().filter(c -> c.service().equals(name)).toList();
      try {
        CaseFileWriter.write(out, name, kept);
        stdout.println("wrote " + kept.size() + " cases of " + (name.isEmpty() ? "(no service)" : name) + " to " + out
            + (calls.size() > kept.size() ? " (" + (calls.size() - kept.size()) + " calls to other services left out)" : "")
            + (recorder.skipped() > 0 ? " (" + recorder.skipped() + " calls could not be decoded)" : ""));
        stdout.flush();
      } catch (IOException e) {
        err.println("polyglot: cannot write " + out + ": " + e.getMessage());
        err.flush();
      }
    }
  }

  @Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Replay a case file against an old backend (primary) and a new one (candidate), over any protocols,",
          "and report their differences by field path in the caller's view. A secondary (a second copy of the old",
          "backend) tells noise from real differences: fields where primary and secondary differ are ignored.",
          "Exit 0 only when nothing differs."},
      footer = {"", "Example:",
          "  polyglot conformance compare --primary thrift://old:9090 --secondary thrift://old2:9090 \\",
          "      --candidate grpc://new:50051 --target-service acme.warehouse.v1.WarehouseService \\",
          "      --idl warehouse.thrift --idl warehouse.proto --cases recorded.yaml"})
  static final class Compare implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--primary", required = true, paramLabel = "URL", description = "The old backend.")
    String primary;

    @Option(names = "--candidate", required = true, paramLabel = "URL", description = "The new backend.")
    String candidate;

    @Option(names = "--secondary", paramLabel = "URL", description = "A second copy of the old backend, for noise.")
    String secondary;

    @CommandLine.Mixin TargetOptions options;

    @Override
    public Integer call() {
      CommandLine cl = spec.commandLine();
      if (options.cases == null) throw new CommandLine.MissingParameterException(cl, spec.findOption("--cases"), "Missing required option: '--cases=FILE'");
      PrintWriter err = cl.getErr();
      Schema schema;
      CaseFile file;
      try {
        schema = ConformanceSuite.loadIdl(options.idl);
        file = ConformanceSuite.cases(Optional.of(options.cases));
      } catch (IdlException e) {
        return fail(err, e.getMessage());
      } catch (CaseFileException e) {
        return fail(err, e.getMessage());
      }
      CallerView caller;
      try {
        caller = CallerView.of(schema, file.service());
      } catch (IllegalArgumentException e) {
        return fail(err, options.cases + ": service: " + e.getMessage());
      }
      List<TargetSession> opened = new ArrayList<>();
      try {
        TargetSession p = open(cl, caller, primary, opened);
        TargetSession c = open(cl, caller, candidate, opened);
        Optional<TargetSession> s = secondary == null ? Optional.empty() : Optional.of(open(cl, caller, secondary, opened));
        List<ReplayComparison.CaseDiff> diffs = ReplayComparison.of(p, c, s, options.timeout(cl)).run(file, System.out);
        return diffs.stream().allMatch(ReplayComparison.CaseDiff::same) ? 0 : 1;
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      } finally {
        opened.forEach(TargetSession::close);
      }
    }

    /**
     * A session on {@code url}: in the case file's own service when the protocol fits it, else in
     * {@code --target-service}.
     */
    private TargetSession open(CommandLine cl, CallerView caller, String url, List<TargetSession> opened) {
      Target t = target(cl, url);
      boolean fits = t.protocol() == Target.Protocol.HTTP
          || (t.protocol() == Target.Protocol.THRIFT) == (caller.service().idl() == IdlKind.THRIFT);
      Optional<String> service = fits ? Optional.empty() : Optional.ofNullable(options.targetService);
      TargetSession session = TargetSession.open(t, caller, service, options.transport(cl), options.encoding(cl), Translators.factory());
      opened.add(session);
      return session;
    }
  }

  static Target target(CommandLine cl, String url) {
    try {
      return Target.parse(url);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--target: " + e.getMessage());
    }
  }

  static <E extends Enum<E>> E choice(CommandLine cl, String option, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
      throw new CommandLine.ParameterException(cl, option + ": " + value + " (expected: " + String.join(" or ", names) + ")");
    }
  }

  private static int fail(PrintWriter err, String message) {
    err.println(message);
    err.flush();
    return 1;
  }

  /** Blocks until Ctrl-C (or the thread is interrupted), then runs {@code stop} once. */
  private static int untilStopped(Runnable stop) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.run();
      stopped.countDown();
    }, "polyglot-conformance-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Interrupted instead of signalled (embedded use, tests): stop here and drop the hook.
      Runtime.getRuntime().removeShutdownHook(hook);
      stop.run();
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
