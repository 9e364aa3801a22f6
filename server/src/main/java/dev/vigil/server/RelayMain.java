package dev.vigil.server;

import dev.vigil.server.config.ConfigException;
import dev.vigil.server.config.ConfigLoader;
import dev.vigil.server.config.RelayConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of the relay: reads config, starts a {@link Relay}, runs until stopped. */
@Command(
    name = "vigil-relay",
    mixinStandardHelpOptions = true,
    versionProvider = RelayMain.Version.class,
    description = "Runs the Vigil relay: agents push to it, it pushes to dashboards.")
public final class RelayMain implements Callable<Integer> {
  private static final int EXIT_START_FAILED = 1;
  private static final int EXIT_CONFIG_ERROR = 2;

  @Option(names = "--port", description = "WebSocket port (default 8787; 0 = any free port)")
  Integer port;

  @Option(names = "--http-port", description = "HTTP port (default 8788; 0 = any free port)")
  Integer httpPort;

  @Option(names = "--config", description = "JSON config file")
  Path configFile;

  @Option(names = "--agent-token", description = "an agent token (repeatable)")
  List<String> agentTokens;

  @Option(
      names = "--operator-token",
      paramLabel = "TOKEN=NAME",
      description = "an operator token and the operator's name (repeatable)")
  Map<String, String> operatorTokens;

  @Option(names = "--data-dir", description = "data directory (default ~/.vigil/relay)")
  Path dataDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RelayMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    RelayConfig config;
    try {
      config =
          ConfigLoader.load(
              new ConfigLoader.Flags(
                  configFile, port, httpPort, dataDir, agentTokens, operatorTokens),
              System.getenv());
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("vigil-relay: " + e.getMessage());
      return EXIT_CONFIG_ERROR;
    }
    Relay relay;
    try {
      relay = Relay.start(config);
    } catch (IOException e) {
      System.err.println("vigil-relay: " + e.getMessage());
      return EXIT_START_FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  relay.close();
                  stopped.countDown();
                },
                "vigil-relay-shutdown"));
    stopped.await();
    return 0;
  }

  /** Reports the relay version for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vigil-relay " + RelayVersion.VERSION};
    }
  }
}
