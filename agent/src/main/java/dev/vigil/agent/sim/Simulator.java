package dev.vigil.agent.sim;

import dev.vigil.agent.Agent;
import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.HostSources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs N simulated hosts in one process, named {@code sim-01}, {@code sim-02}, ..., each a real
 * {@link Agent} with its own link, labelled {@code simulated=true} and flagged simulated in its
 * hello. All hosts share one scheduler thread.
 */
public final class Simulator implements AutoCloseable {
  /** Label set on every simulated host. */
  public static final String SIMULATED_LABEL = "simulated";

  /** Prefix of every simulated host name. */
  public static final String NAME_PREFIX = "sim-";

  /** Most hosts one simulator runs. */
  public static final int MAX_HOSTS = 10_000;

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-simulator");
            t.setDaemon(true);
            return t;
          });
  private final List<Agent> agents = new ArrayList<>();

  private Simulator() {}

  /**
   * Starts {@code count} simulated hosts.
   *
   * @param base relay, token, intervals and state dir (each host keeps its id under {@code
   *     <stateDir>/simulated/<name>})
   * @param count how many hosts
   * @param seed base seed; host i uses a seed derived from it, so runs repeat
   */
  public static Simulator start(AgentConfig base, int count, long seed) {
    if (count < 1 || count > MAX_HOSTS) {
      throw new IllegalArgumentException("count must be 1.." + MAX_HOSTS + ", got " + count);
    }
    Simulator sim = new Simulator();
    int digits = Math.max(2, String.valueOf(count).length());
    for (int i = 1; i <= count; i++) {
      String name = NAME_PREFIX + String.format("%0" + digits + "d", i);
      Map<String, String> labels = new LinkedHashMap<>(base.labels());
      labels.put(SIMULATED_LABEL, "true");
      AgentConfig config =
          base.withHostName(name)
              .withLabels(labels)
              .withStateDir(base.stateDir().resolve("simulated").resolve(name))
              .withSimulated(true);
      long hostSeed = seed * 1_000_003L + i;
      sim.agents.add(
          Agent.start(
              config,
              () ->
                  new HostSources(
                      List.of(new SimulatedSensors(hostSeed)),
                      List.of(new SimulatedDevices(hostSeed, name))),
              sim.executor));
    }
    return sim;
  }

  /** The running simulated agents. */
  public List<Agent> agents() {
    return List.copyOf(agents);
  }

  @Override
  public void close() {
    agents.forEach(Agent::close);
    executor.shutdown();
    try {
      executor.awaitTermination(Agent.SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
