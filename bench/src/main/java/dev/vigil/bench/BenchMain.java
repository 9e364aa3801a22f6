package dev.vigil.bench;

import dev.vigil.bench.dialect.ForwarderDialect;
import dev.vigil.bench.dialect.MqttDialect;
import dev.vigil.bench.dialect.VigilDialect;
import dev.vigil.bench.load.PeerDialect;
import dev.vigil.bench.report.ChartWriter;
import dev.vigil.bench.report.MachineInfo;
import dev.vigil.bench.report.MarkdownReport;
import dev.vigil.bench.report.ReportInput;
import dev.vigil.bench.report.ResultsFile;
import dev.vigil.bench.report.Systems;
import dev.vigil.bench.run.CapacityConfig;
import dev.vigil.bench.run.CapacityResult;
import dev.vigil.bench.run.CapacityRunner;
import dev.vigil.bench.run.CapacityStep;
import dev.vigil.bench.run.CellConfig;
import dev.vigil.bench.run.CellResult;
import dev.vigil.bench.run.CellRunner;
import dev.vigil.bench.run.IdleMemoryResult;
import dev.vigil.bench.run.IdleMemoryRunner;
import dev.vigil.bench.run.ReconnectResult;
import dev.vigil.bench.run.ReconnectRunner;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of the harness: run one cell, measure idle memory, or write the report. */
@Command(
    name = "vigil-bench",
    mixinStandardHelpOptions = true,
    subcommands = {
      BenchMain.Cell.class,
      BenchMain.Capacity.class,
      BenchMain.IdleMemory.class,
      BenchMain.Reconnect.class,
      BenchMain.Report.class
    },
    description = "Vigil benchmark harness; bench/run drives it.")
public final class BenchMain implements Runnable {
  static final long BYTES_PER_MIB = 1024L * 1024L;

  /**
   * Exit code of {@code cell} when the result was written but the harness shaped it (see {@link
   * CellResult#harnessShaped()}): bench/run then measures the cell once more on a fresh server.
   */
  static final int HARNESS_SHAPED_EXIT = 3;

  /**
   * Default p99 bound of a sustained capacity step: well above the GC and JIT pauses of a cold
   * server (up to a few hundred ms in the 1 Hz cells), well below a backlog that outgrows a 2 s
   * window (bench/README.md explains the choice).
   */
  static final double DEFAULT_MAX_P99_MS = 500;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** The dialect of {@code system}. */
  static PeerDialect dialect(String system, String agentToken, String operatorToken) {
    return switch (system) {
      case Systems.VIGIL -> new VigilDialect(agentToken, operatorToken);
      case Systems.BARE -> new ForwarderDialect();
      case Systems.MOSQUITTO -> new MqttDialect();
      default ->
          throw new CommandLine.ParameterException(
              new CommandLine(new BenchMain()),
              "unknown system '" + system + "'; expected one of " + Systems.ORDER);
    };
  }

  /** Runs one cell against a running server and appends its result. */
  @Command(
      name = "cell",
      mixinStandardHelpOptions = true,
      description = "Runs one N agents × M dashboards cell against a running server.")
  static final class Cell implements Callable<Integer> {
    @Option(names = "--system", required = true, description = "vigil, bare or mosquitto")
    String system;

    @Option(names = "--host", description = "server address (default 127.0.0.1)")
    String host = "127.0.0.1";

    @Option(names = "--port", required = true, description = "server WebSocket port")
    int port;

    @Option(names = "--server-pid", description = "server process id, for CPU and memory")
    long serverPid;

    @Option(names = "--agents", required = true, description = "simulated agents (1 Hz each)")
    int agents;

    @Option(names = "--dashboards", required = true, description = "simulated dashboards")
    int dashboards;

    @Option(names = "--settle-ms", description = "sending before the window (default 2000)")
    long settleMs = 2_000;

    @Option(names = "--window-ms", description = "measured window (default 5000)")
    long windowMs = 5_000;

    @Option(names = "--drain-ms", description = "sending after the window (default 1000)")
    long drainMs = 1_000;

    @Option(names = "--connect-timeout-ms", description = "default 60000")
    long connectTimeoutMs = 60_000;

    @Option(names = "--server-rss-limit-mb", description = "abort above this (default 4096)")
    long serverRssLimitMb = 4_096;

    @Option(names = "--agent-token", description = "Vigil agent token")
    String agentToken = "";

    @Option(names = "--operator-token", description = "Vigil operator token")
    String operatorToken = "";

    @Option(
        names = "--stalled-dashboards",
        description = "extra dashboards that stop reading once ready, not measured (default 0)")
    int stalledDashboards;

    @Option(names = "--out", required = true, description = "JSON Lines file to append to")
    Path out;

    @Override
    public Integer call() throws Exception {
      CellConfig config =
          new CellConfig(
              new InetSocketAddress(host, port),
              serverPid,
              agents,
              dashboards,
              settleMs,
              windowMs,
              drainMs,
              connectTimeoutMs,
              serverRssLimitMb * BYTES_PER_MIB,
              stalledDashboards);
      CellResult result = new CellRunner().run(config, dialect(system, agentToken, operatorToken));
      ResultsFile.append(out, result);
      int exit = result.harnessShaped() ? HARNESS_SHAPED_EXIT : 0;
      System.out.printf(
          Locale.ROOT,
          "%-9s %-9s delivered %,d/%,d lost %,d dup %,d  %,.0f/s  p50 %s p99 %s max %s ms"
              + "  server %s cores  harness %.2f cores %s%n",
          system,
          result.cell(),
          result.delivered(),
          result.expectedDeliveries(),
          result.lost(),
          result.duplicates(),
          result.deliveriesPerSecond(),
          text(result.p50Ms()),
          text(result.p99Ms()),
          text(result.maxMs()),
          text(result.serverCpuCores()),
          result.harnessCpuCores(),
          result.notes());
      return exit;
    }
  }

  /** Searches the highest rate a running server sustains on one cell and appends the result. */
  @Command(
      name = "capacity",
      mixinStandardHelpOptions = true,
      description =
          "Steps the per-agent rate up on one set of connections until the server no longer"
              + " sustains it; reports the highest sustained deliveries/s.")
  static final class Capacity implements Callable<Integer> {
    @Option(names = "--system", required = true, description = "vigil, bare or mosquitto")
    String system;

    @Option(names = "--host", description = "server address (default 127.0.0.1)")
    String host = "127.0.0.1";

    @Option(names = "--port", required = true, description = "server WebSocket port")
    int port;

    @Option(names = "--server-pid", description = "server process id, for CPU and memory")
    long serverPid;

    @Option(names = "--agents", required = true, description = "simulated agents")
    int agents;

    @Option(names = "--dashboards", required = true, description = "simulated dashboards")
    int dashboards;

    @Option(
        names = "--rates",
        split = ",",
        description = "per-agent rates in Hz, increasing (default 1,2,4,8,16,32,64,128,256)")
    List<Double> rates =
        new ArrayList<>(List.of(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0));

    @Option(
        names = "--warmup-ms",
        description = "extra sending at the first rate before the first step (default 2000)")
    long warmupMs = 2_000;

    @Option(names = "--step-settle-ms", description = "sending before each window (default 500)")
    long settleMs = 500;

    @Option(names = "--step-window-ms", description = "measured window per step (default 2000)")
    long windowMs = 2_000;

    @Option(names = "--step-drain-ms", description = "sending after each window (default 500)")
    long drainMs = 500;

    @Option(
        names = "--max-p99-ms",
        description = "p99 bound of a sustained step (default " + DEFAULT_MAX_P99_MS + ")")
    double maxP99Ms = DEFAULT_MAX_P99_MS;

    @Option(
        names = "--refine",
        negatable = true,
        description = "one bisection step after the first failing rate (default on)")
    boolean refine = true;

    @Option(names = "--connect-timeout-ms", description = "default 60000")
    long connectTimeoutMs = 60_000;

    @Option(names = "--server-rss-limit-mb", description = "abort above this (default 4096)")
    long serverRssLimitMb = 4_096;

    @Option(names = "--agent-token", description = "Vigil agent token")
    String agentToken = "";

    @Option(names = "--operator-token", description = "Vigil operator token")
    String operatorToken = "";

    @Option(names = "--out", required = true, description = "JSON Lines file to append to")
    Path out;

    @Override
    public Integer call() throws Exception {
      CapacityConfig config =
          new CapacityConfig(
              new InetSocketAddress(host, port),
              serverPid,
              agents,
              dashboards,
              rates,
              warmupMs,
              settleMs,
              windowMs,
              drainMs,
              maxP99Ms,
              refine,
              connectTimeoutMs,
              serverRssLimitMb * BYTES_PER_MIB);
      CapacityResult result =
          new CapacityRunner().run(config, dialect(system, agentToken, operatorToken));
      ResultsFile.append(out, result);
      for (CapacityStep step : result.steps()) {
        System.out.printf(
            Locale.ROOT, "%-9s %-9s %s%n", system, result.cell(), CapacityRunner.describe(step));
      }
      System.out.printf(
          Locale.ROOT,
          "%-9s %-9s highest sustained: %s (stop: %s) %s%n",
          system,
          result.cell(),
          result
              .highestSustained()
              .map(
                  s ->
                      String.format(
                          Locale.ROOT,
                          "%.2f Hz per agent, %,.0f deliveries/s, %,.0f messages/s in",
                          s.ratePerAgentHz(),
                          s.deliveriesPerSecond(),
                          s.messagesPerSecond()))
              .orElse("none"),
          result.stop(),
          result.notes());
      return 0;
    }
  }

  /** Measures how fast agents come back after their relay restarts; bench/reconnect drives it. */
  @Command(
      name = "reconnect",
      mixinStandardHelpOptions = true,
      description =
          "Connects idle agents that redial with the agent's full-jitter backoff, prints a ready"
              + " line (then kill and restart the relay), and reports the peak reconnect rate.")
  static final class Reconnect implements Callable<Integer> {
    @Option(names = "--host", description = "relay address (default 127.0.0.1)")
    String host = "127.0.0.1";

    @Option(names = "--port", required = true, description = "relay WebSocket port")
    int port;

    @Option(names = "--connections", description = "agents (default 10000)")
    int connections = 10_000;

    @Option(names = "--agent-token", required = true, description = "Vigil agent token")
    String agentToken;

    @Option(names = "--come-back-ms", description = "longest wait for all to be back (120000)")
    long comeBackMs = 120_000;

    @Option(names = "--down-ms", description = "how long the relay is kept down, for the report")
    long downMs = -1;

    @Option(names = "--out", required = true, description = "JSON Lines file to append to")
    Path out;

    @Override
    public Integer call() throws Exception {
      ReconnectResult result =
          new ReconnectRunner()
              .run(
                  new InetSocketAddress(host, port),
                  connections,
                  VigilDialect.idleAgents(agentToken),
                  comeBackMs,
                  downMs,
                  System.out);
      ResultsFile.append(out, result);
      System.out.printf(
          Locale.ROOT,
          "reconnect: %,d of %,d agents back; peak %,d per second (%,d/s over 100 ms); first"
              + " after %,d ms, half after %,d ms, all after %,d ms; %,d failed dials; relay down"
              + " %,d ms%n",
          result.reconnected(),
          result.connections(),
          result.peakPerSecond(),
          result.peakPer100MsPerSecond(),
          result.firstReadyMs(),
          result.halfReadyMs(),
          result.allReadyMs(),
          result.failedDials(),
          result.downMs());
      return result.reconnected() == result.connections() ? 0 : 1;
    }
  }

  /** Measures the relay's memory per idle agent connection and appends the result. */
  @Command(
      name = "idle-memory",
      mixinStandardHelpOptions = true,
      description =
          "Connects idle agents to a running relay in equal steps and measures its memory per"
              + " connection: first step (with one-time JVM costs) and marginal (slope over the"
              + " steps).")
  static final class IdleMemory implements Callable<Integer> {
    @Option(names = "--host", description = "relay address (default 127.0.0.1)")
    String host = "127.0.0.1";

    @Option(names = "--port", required = true, description = "relay WebSocket port")
    int port;

    @Option(names = "--server-pid", required = true, description = "relay process id")
    long serverPid;

    @Option(names = "--connections", description = "idle agents, at least 5 (default 2000)")
    int connections = 2_000;

    @Option(names = "--agent-token", required = true, description = "Vigil agent token")
    String agentToken;

    @Option(names = "--out", required = true, description = "JSON Lines file to append to")
    Path out;

    @Override
    public Integer call() throws Exception {
      IdleMemoryResult result =
          new IdleMemoryRunner()
              .run(
                  new InetSocketAddress(host, port),
                  serverPid,
                  connections,
                  VigilDialect.idleAgents(agentToken));
      ResultsFile.append(out, result);
      System.out.printf(
          Locale.ROOT,
          "idle agents %,d (%,d connected in %d steps): marginal %,.0f B RSS and %,.0f B live"
              + " heap per connection; first step %,.0f B RSS and %,.0f B live heap per"
              + " connection (includes one-time JVM costs)%n",
          result.connections(),
          result.last().connected(),
          result.steps().size(),
          result.marginalRssBytesPerConnection(),
          result.marginalLiveHeapBytesPerConnection(),
          result.firstStepRssBytesPerConnection(),
          result.firstStepLiveHeapBytesPerConnection());
      return 0;
    }
  }

  /** Writes docs/benchmarks.md and docs/benchmarks.png from the results files. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = "Writes the Markdown report and the plot, and prints the report.")
  static final class Report implements Callable<Integer> {
    @Option(names = "--cells", required = true, description = "cell results (JSON Lines)")
    Path cells;

    @Option(names = "--capacity", description = "capacity search results (JSON Lines)")
    Path capacity;

    @Option(names = "--idle", description = "idle-memory results (JSON Lines)")
    Path idle;

    @Option(names = "--footprint", description = "Markdown of the agent footprint section")
    Path footprint;

    @Option(names = "--mode", description = "quick or full (default quick)")
    String mode = "quick";

    @Option(names = "--version", paramLabel = "NAME=VERSION", description = "repeatable")
    Map<String, String> versions = new LinkedHashMap<>();

    @Option(names = "--setting", description = "one line of how the run was made (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--md", required = true, description = "Markdown file to write")
    Path md;

    @Option(names = "--png", required = true, description = "PNG file to write")
    Path png;

    @Override
    public Integer call() throws Exception {
      List<CellResult> results = ResultsFile.read(cells, CellResult.class);
      List<CapacityResult> capacityResults =
          capacity == null ? List.of() : ResultsFile.read(capacity, CapacityResult.class);
      List<IdleMemoryResult> idleResults =
          idle == null ? List.of() : ResultsFile.read(idle, IdleMemoryResult.class);
      String footprintText =
          footprint != null && Files.exists(footprint)
              ? Files.readString(footprint, StandardCharsets.UTF_8)
              : "Not run.";
      String date =
          ZonedDateTime.now()
              .truncatedTo(ChronoUnit.SECONDS)
              .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      ReportInput input =
          new ReportInput(
              mode,
              date,
              MachineInfo.read(),
              versions,
              settings,
              results,
              capacityResults,
              idleResults,
              footprintText);
      String text = MarkdownReport.render(input);
      Path parent = md.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(md, text, StandardCharsets.UTF_8);
      ChartWriter.write(results, capacityResults, png);
      System.out.println(text);
      return 0;
    }
  }

  private static String text(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.3f", value);
  }
}
