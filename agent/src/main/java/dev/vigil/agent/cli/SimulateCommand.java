package dev.vigil.agent.cli;

import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.sim.Simulator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil-agent simulate --count N}: N simulated hosts in one process, labelled simulated. */
@Command(
    mixinStandardHelpOptions = true,
    name = "simulate",
    description = "Run N simulated hosts (sim-01...), each with its own link, labelled simulated.")
public final class SimulateCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SimulateCommand.class);

  @Mixin AgentOptions options = new AgentOptions();

  @Option(
      names = "--count",
      defaultValue = "20",
      description = "How many hosts (default ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--seed", description = "Seed for repeatable runs (default: random).")
  Long seed;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    AgentConfig config = options.resolve(System.getenv());
    if (config.link().listen().isPresent()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "listen mode is for one agent on one port; simulated hosts dial the relay (drop"
              + " --listen / listen)");
    }
    long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
    Simulator sim = Simulator.start(config, count, s);
    LOG.info("simulating {} hosts against {} (seed {})", count, config.relayUri(), s);
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "vigil-simulator-shutdown"));
    forever.await();
    return 0;
  }
}
