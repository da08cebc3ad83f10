package dev.polyglot.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code polyglot} command. Exit codes: 0 ok, 1 the checked thing failed (a broken IDL, an
 * incompatible pair, a failed conformance case), 2 usage error.
 */
@Command(
    name = "polyglot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Polyglot Gateway: bridges REST/JSON, Thrift and gRPC callers to Thrift and gRPC backends, from IDLs loaded at run time.",
    subcommands = {RunCommand.class, DemoCommand.class, RoutesCommand.class, IdlCommand.class, TranscodeCommand.class, ConformanceCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Netty's buffer leak detector (grpc-java's shaded copy) records a stack trace for a sample of the
   * buffers every call allocates: a cost on every gRPC call (2 % of the gateway's allocation in the
   * load harness's profile) for a check of code the gateway does not contain (it never handles netty
   * buffers itself). Off unless the operator sets the property, e.g. to {@code simple} or
   * {@code paranoid} when chasing a leak.
   */
  static final String NETTY_LEAK_DETECTION = "io.grpc.netty.shaded.io.netty.leakDetection.level";

  public static void main(String[] args) {
    if (System.getProperty(NETTY_LEAK_DETECTION) == null) System.setProperty(NETTY_LEAK_DETECTION, "disabled");
    Logging.configure();
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (used by tests, which must not exit the JVM). */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    // Usage errors (picocli's own and ours) exit 2; any other failure 1.
    cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException || t instanceof RoutesCommand.UncheckedReadException ? 2 : 1);
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (see --help)");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"polyglot " + (v == null ? "dev" : v)};
    }
  }
}
