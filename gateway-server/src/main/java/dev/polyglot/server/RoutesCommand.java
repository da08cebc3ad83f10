package dev.polyglot.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code polyglot routes ...}: the admin API of a running gateway from the command line. Each
 * subcommand is one HTTP request; the gateway's JSON answer is printed as it comes. Exit 1 when the
 * gateway refuses (4xx/5xx), with its answer on stderr.
 */
@Command(name = "routes", mixinStandardHelpOptions = true,
    description = "List, apply and delete routes, backends and IDLs of a running gateway (its admin API).",
    subcommands = {RoutesCommand.ListRoutes.class, RoutesCommand.Apply.class, RoutesCommand.Delete.class,
        RoutesCommand.Backends.class, RoutesCommand.ApplyBackend.class, RoutesCommand.DeleteBackend.class,
        RoutesCommand.UploadIdl.class, RoutesCommand.Compat.class, RoutesCommand.CacheStats.class})
final class RoutesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (see --help)");
  }

  /** The admin address option and the one request helper every subcommand uses. */
  static class AdminClient {
    @Option(names = "--admin", defaultValue = "http://127.0.0.1:9901", paramLabel = "URL",
        description = "The gateway's admin API (default: ${DEFAULT-VALUE}).")
    String admin;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE) CommandLine.Model.CommandSpec spec;

    int send(String method, String path, String contentType, byte[] body) {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(admin.replaceAll("/+$", "") + path)).timeout(Duration.ofSeconds(30));
      if (body == null) b.method(method, HttpRequest.BodyPublishers.noBody());
      else b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<String> resp;
      try {
        resp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
            .send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // java.net.http's ConnectException carries no message: say what happened instead of "null".
        String why = e instanceof java.net.ConnectException ? "connection refused"
            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        err.println("polyglot routes: cannot reach the admin API at " + admin + ": " + why);
        err.flush();
        return 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
      boolean ok = resp.statusCode() < 400;
      PrintWriter w = ok ? out : err;
      if (!resp.body().isEmpty()) w.println(resp.body());
      if (!ok) w.println("polyglot routes: the gateway answered " + resp.statusCode());
      w.flush();
      return ok ? 0 : 1;
    }

    static byte[] read(Path file) {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedReadException(file + ": cannot read (" + e.getMessage() + ")");
      }
    }

    static String seg(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }

  /** A file that cannot be read is a usage error. */
  static final class UncheckedReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedReadException(String message) {
      super(message);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every route, whether it is serving, and its problems.")
  static final class ListRoutes implements Callable<Integer> {
    @CommandLine.Mixin AdminClient client;

    @Override
    public Integer call() {
      return client.send("GET", "/routes", null, null);
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Apply a route: a JSON document with the keys of a gateway.yaml routes entry (service, backend, backend_service, timeout, cache).")
  static final class Apply implements Callable<Integer> {
    @CommandLine.Mixin AdminClient client;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The caller service the route serves.")
    String service;

    @Parameters(index = "1", paramLabel = "FILE", description = "The route as JSON.")
    Path file;

    @Override
    public Integer call() {
      return client.send("PUT", "/routes/" + AdminClient.seg(service), "application/json", AdminClient.read(file));
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the route of a caller service.")
  static final class Delete implements Callable<Integer> {
    @CommandLine.Mixin AdminClient client;

    @Parameters(paramLabel = "SERVICE")
    String service;

    @Override
    public Integer call() {
      return client.send("DELETE", "/routes/" + AdminClient.seg(service), null, null);
    }
  }

  @Command(name = "backends", mixinStandardHelpOptions = true, description = "Every backend.")
  static final class Backends implements Callable<Integer> {
    @CommandLine.Mixin AdminClient client;

    @Override
    public Integer call() {
      return client.send("GET", "/backends", null, null);
    }
  }

  @Command(name = "apply-backend", mixinStandardHelpOptions = true,
      description = "Apply a backend: a JSON document with the keys of a gateway.yaml backends value.")
  static final class ApplyBackend implements Callable<Integer> {
    @CommandLine.Mixin AdminClient client;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
      return client.send("PUT", "/backends/" + AdminClient.seg(name), "application/json", AdminClient.read(file));
    }
  }

  @Command(name = "delete-backend", mixinStandardHelpOptions = true, description = "Delete a backend no route uses.")
  static final class DeleteBackend implements Callable<Integer> {
    @CommandLine.Mixin AdminClient client;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return client.send("DELETE", "/backends/" + AdminClient.seg(name), null, null);
    }
  }

  @Command(name = "upload-idl", mixinStandardHelpOptions = true,
      description = "Upload an IDL file to the cluster (stored under its file name, or --as NAME).")
  static final class UploadIdl implements Callable<Integer> {
    @CommandLine.Mixin AdminClient client;

    @Option(names = "--as", paramLabel = "NAME", description = "The name to store it under (default: the file name).")
    String as;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
      String name = as != null ? as : file.getFileName().toString();
      return client.send("PUT", "/idl/" + AdminClient.seg(name), "text/plain; charset=utf-8", AdminClient.read(file));
    }
  }

  @Command(name = "compat", mixinStandardHelpOptions = true, description = "The compatibility report of two services loaded in the gateway.")
  static final class Compat implements Callable<Integer> {
    @CommandLine.Mixin AdminClient client;

    @Option(names = "--caller", required = true, paramLabel = "SERVICE")
    String caller;

    @Option(names = "--backend", required = true, paramLabel = "SERVICE")
    String backend;

    @Override
    public Integer call() {
      return client.send("GET", "/compat?caller=" + AdminClient.seg(caller) + "&backend=" + AdminClient.seg(backend), null, null);
    }
  }

  @Command(name = "cache", mixinStandardHelpOptions = true, description = "Response cache statistics.")
  static final class CacheStats implements Callable<Integer> {
    @CommandLine.Mixin AdminClient client;

    @Override
    public Integer call() {
      return client.send("GET", "/cache", null, null);
    }
  }
}
