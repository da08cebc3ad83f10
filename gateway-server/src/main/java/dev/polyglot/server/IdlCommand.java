package dev.polyglot.server;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polyglot idl ...}: load, check, compare and convert IDL files. */
@Command(
    name = "idl",
    mixinStandardHelpOptions = true,
    description = "Load, check, compare and convert Thrift and Protobuf IDL files.",
    subcommands = {IdlCommand.Check.class})
final class IdlCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (see --help)");
  }

  /** Shared options: the files and include paths. */
  static final class Inputs {
    @Option(names = {"-I", "--include"}, paramLabel = "DIR", description = "Include/import search path (repeatable).")
    List<Path> includePaths = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = ".thrift, .proto, descriptor sets, or folders.")
    List<Path> files = new ArrayList<>();

    Schema load() throws IdlException {
      return IdlLoader.withIncludePaths(includePaths).load(files);
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Load the files; print one line per service, or every problem as file:line:col: message (exit 1).")
  static final class Check implements Callable<Integer> {
    @CommandLine.Mixin Inputs inputs;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Schema schema;
      try {
        schema = inputs.load();
      } catch (IdlException e) {
        err.println(e.getMessage());
        err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
        err.flush();
        return 1;
      }
      for (ServiceDef s : schema.services()) {
        out.printf("service %s (%s): %d methods%n", s.qualifiedName(), s.idl().name().toLowerCase(java.util.Locale.ROOT), s.methods().size());
      }
      long types = schema.structs().stream().filter(t -> t.kind() != dev.polyglot.idl.StructKind.ARGS && !t.mapEntry()).count()
          + schema.enums().size();
      out.printf("ok: %d files, %d services, %d types%n", schema.files().size(), schema.services().size(), types);
      out.flush();
      return 0;
    }
  }
}
