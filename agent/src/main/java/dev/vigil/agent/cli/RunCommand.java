package dev.vigil.agent.cli;

import dev.vigil.agent.Agent;
import dev.vigil.agent.AgentConfig;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigil-agent run}: sample, scan and push to the relay until stopped. */
@Command(
    mixinStandardHelpOptions = true,
    name = "run",
    description = "Run the agent: push samples and hot-plug events to the relay.")
public final class RunCommand implements Callable<Integer> {
  /** Exit code when the relay refused the agent for good (e.g. wrong token). */
  public static final int EXIT_REFUSED = 3;

  /** How often the main thread checks whether the link gave up, in milliseconds. */
  static final long FAILURE_POLL_MS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin AgentOptions options;

  /** For picocli. */
  public RunCommand() {
    this(new AgentOptions());
  }

  /** Runs with options parsed elsewhere (the top-level command). */
  public RunCommand(AgentOptions options) {
    this.options = options;
  }

  @Override
  public Integer call() throws InterruptedException {
    AgentConfig config = options.resolve(System.getenv());
    Agent agent = Agent.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "vigil-shutdown"));
    LOG.info(
        "agent {} ({}) pushing to {} every {} ms",
        config.hostName(),
        agent.hostId(),
        config.relayUri(),
        config.sampleInterval().toMillis());
    while (agent.linkFailure().isEmpty()) {
      Thread.sleep(FAILURE_POLL_MS);
    }
    agent.close();
    return EXIT_REFUSED;
  }
}
