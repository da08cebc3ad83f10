package dev.polyglot.server;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.compat.CompatibilityReport;
import dev.polyglot.idl.convert.ProtoToThrift;
import dev.polyglot.idl.convert.ThriftToProto;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    subcommands = {IdlCommand.Check.class, IdlCommand.Compat.class, IdlCommand.Convert.class})
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
      Schema schema;
      try {
        schema = inputs.load();
      } catch (IdlException e) {
        return loadFailed(spec, e);
      }
      // Well-known protos (google/protobuf/*, google/api/*) are loaded from the classpath when
      // imported; the summary counts only what the user's own files declare.
      List<IdlFile> own = schema.files().stream().filter(f -> !isBuiltIn(f)).toList();
      for (ServiceDef s : schema.services()) {
        out.printf("service %s (%s): %d methods%n", s.qualifiedName(), s.idl().name().toLowerCase(java.util.Locale.ROOT), s.methods().size());
      }
      long types = 0;
      for (IdlFile f : own) {
        types += f.enums().size();
        for (String name : f.structs()) {
          var def = schema.struct(name);
          if (def.isPresent() && def.get().kind() != dev.polyglot.idl.StructKind.ARGS && !def.get().mapEntry()) types++;
        }
      }
      out.printf("ok: %d files, %d services, %d types%n", own.size(), schema.services().size(), types);
      out.flush();
      return 0;
    }
  }

  /** A file the proto loader supplied from the classpath rather than one of the user's. */
  static boolean isBuiltIn(IdlFile f) {
    return f.idl() == IdlKind.PROTO && f.path().startsWith("google/") && !Files.exists(Path.of(f.path()));
  }

  /**
   * A usage error found after parsing (an unknown service, a file of the wrong kind): reported like
   * picocli's own parse errors, message and usage on stderr, exit code 2.
   */
  static int usageError(CommandLine.ParameterException e) {
    try {
      return e.getCommandLine().getParameterExceptionHandler().handleParseException(e, new String[0]);
    } catch (Exception unexpected) {
      throw new IllegalStateException(unexpected);
    }
  }

  /** Prints every loading problem and the count to stderr; returns exit code 1. */
  static int loadFailed(CommandLine.Model.CommandSpec spec, IdlException e) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(e.getMessage());
    err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
    err.flush();
    return 1;
  }

  @Command(name = "compat", mixinStandardHelpOptions = true,
      description = {"Check that a caller service can be bridged to a backend service under the Thrift<->proto mapping rules.",
          "Prints the bound methods, field and enum value correspondences, then every problem with its path.",
          "Exit 0: bridgeable (warnings allowed); 1: something cannot be bridged or the files do not load; 2: usage error."})
  static final class Compat implements Callable<Integer> {
    @CommandLine.Mixin Inputs inputs;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--caller", required = true, paramLabel = "SERVICE",
        description = "The service callers speak, e.g. warehouse.Warehouse (a unique simple name is accepted).")
    String caller;

    @Option(names = "--backend", required = true, paramLabel = "SERVICE",
        description = "The service the gateway forwards to, e.g. acme.warehouse.v1.WarehouseService.")
    String backend;

    @Override
    public Integer call() {
      Schema schema;
      try {
        schema = inputs.load();
      } catch (IdlException e) {
        return loadFailed(spec, e);
      }
      ServiceDef callerService;
      ServiceDef backendService;
      try {
        callerService = service(schema, "--caller", caller);
        backendService = service(schema, "--backend", backend);
      } catch (CommandLine.ParameterException e) {
        return usageError(e);
      }
      CompatibilityReport report = Compatibility.check(schema, callerService, backendService);
      PrintWriter out = spec.commandLine().getOut();
      out.print(report.render());
      out.flush();
      return report.bridgeable() ? 0 : 1;
    }

    private ServiceDef service(Schema schema, String option, String name) {
      try {
        return schema.requireService(name);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
      }
    }
  }

  @Command(name = "convert", mixinStandardHelpOptions = true,
      description = {"Convert a .thrift file to proto3, or a .proto file to Thrift, so that the result binds back to its source.",
          "Only FILE is converted; its includes/imports become imports/includes of their converted names (<stem>.proto, <stem>.thrift).",
          "Exit 0: written; 1: the file does not load or cannot be converted; 2: usage error."})
  static final class Convert implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "proto|thrift", description = "The IDL to write: proto or thrift.")
    String to;

    @Option(names = {"-I", "--include"}, paramLabel = "DIR", description = "Include/import search path (repeatable).")
    List<Path> includePaths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of stdout.")
    Path output;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The .thrift or .proto file to convert.")
    Path file;

    @Override
    public Integer call() {
      IdlKind target = switch (to) {
        case "proto" -> IdlKind.PROTO;
        case "thrift" -> IdlKind.THRIFT;
        default -> null;
      };
      if (target == null) return usageError(new CommandLine.ParameterException(spec.commandLine(), "--to: " + to + " (expected: proto or thrift)"));
      String name = file.getFileName().toString();
      IdlKind source = name.endsWith(".thrift") ? IdlKind.THRIFT : name.endsWith(".proto") ? IdlKind.PROTO : null;
      if (source == null || source == target) {
        String expected = target == IdlKind.PROTO ? "a .thrift file" : "a .proto file";
        return usageError(new CommandLine.ParameterException(spec.commandLine(), "FILE: " + file + " (expected: " + expected + " for --to " + to + ")"));
      }
      Schema schema;
      try {
        schema = IdlLoader.withIncludePaths(includePaths).load(List.of(file));
      } catch (IdlException e) {
        return loadFailed(spec, e);
      }
      IdlFile idlFile = null;
      for (IdlFile f : schema.files()) {
        if (Path.of(f.path()).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) idlFile = f;
      }
      if (idlFile == null) throw new IllegalStateException("loaded schema has no file " + file);
      String text;
      try {
        text = target == IdlKind.PROTO ? ThriftToProto.convert(schema, idlFile) : ProtoToThrift.convert(schema, idlFile);
      } catch (IdlException e) {
        return loadFailed(spec, e);
      }
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return 0;
      }
      try {
        Files.writeString(output, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(output + ": cannot write: " + e.getMessage());
        err.flush();
        return 1;
      }
      return 0;
    }
  }
}
