package dev.polyglot.server;

import dev.polyglot.gateway.config.ConfigException;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GatewayConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code polyglot run --config gateway.yaml}: serve until SIGTERM/SIGINT, then stop gracefully. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the gateway with a gateway.yaml (keys: docs/CONFIG.md).",
        "Logs one line per listener and route at start; on SIGTERM stops accepting and lets calls in flight finish (shutdown.grace_period)."})
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The gateway.yaml to run.")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    GatewayConfig cfg;
    try {
      cfg = GatewayConfigLoader.load(config);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
    GatewayProcess process;
    try {
      process = GatewayProcess.start(cfg);
    } catch (IOException | RuntimeException e) {
      err.println("polyglot: cannot start the gateway: " + e.getMessage());
      err.flush();
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(process::stop, "polyglot-shutdown"));
    process.awaitStopped();
    return 0;
  }
}
