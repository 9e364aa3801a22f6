package dev.vigil.bench.run;

import dev.vigil.bench.load.ConnectionCounts;
import dev.vigil.bench.load.LoadEngine;
import dev.vigil.protocol.Role;
import java.util.List;
import java.util.function.Predicate;

/**
 * Connects a run's peers: dashboards first, then agents, then waits until the connect burst (host
 * and catalog fan-out to every dashboard) has quieted down, so sending starts on a calm server.
 */
final class ConnectPhase {
  /** Interval over which the connect burst's inbound traffic is measured. */
  static final long QUIET_MS = 500;

  /**
   * Inbound bytes per peer per {@link #QUIET_MS} below which the connect burst is over: about three
   * times what heartbeats alone bring (one ~60 B ping per peer every 5 s).
   */
  static final int QUIET_BYTES_PER_PEER = 20;

  /** Longest wait for the connect burst to quiet down. */
  static final long MAX_QUIET_WAIT_MS = 20_000;

  /** How often connection counts are polled. */
  static final long POLL_MS = 20;

  private static final double NANOS_PER_SECOND = 1e9;

  private ConnectPhase() {}

  /**
   * What connecting gave.
   *
   * @param ready peers ready (and failed) when connecting ended
   * @param connectSeconds time to connect every peer
   */
  record Outcome(ConnectionCounts ready, double connectSeconds) {}

  /**
   * Connects {@code agents} agents and {@code dashboards} dashboards through the started {@code
   * engine}; adds a note for peers missing or a burst that would not end.
   */
  static Outcome run(
      LoadEngine engine, int agents, int dashboards, long connectTimeoutMs, List<String> notes)
      throws InterruptedException {
    long connectStart = System.nanoTime();
    long deadline = connectStart + connectTimeoutMs * 1_000_000;
    engine.connect(Role.DASHBOARD);
    awaitSettled(engine, c -> c.dashboardsReady() + c.failedBeforeReady() >= dashboards, deadline);
    engine.connect(Role.AGENT);
    ConnectionCounts ready =
        awaitSettled(
            engine,
            c ->
                c.agentsReady() + c.dashboardsReady() + c.failedBeforeReady()
                    >= agents + dashboards,
            deadline);
    double connectSeconds = (System.nanoTime() - connectStart) / NANOS_PER_SECOND;
    if (ready.agentsReady() < agents || ready.dashboardsReady() < dashboards) {
      notes.add(
          "only "
              + ready.agentsReady()
              + " agents and "
              + ready.dashboardsReady()
              + " dashboards ready");
    }
    if (!awaitQuiet(engine, agents + dashboards, MAX_QUIET_WAIT_MS)) {
      notes.add("connect burst still arriving after " + MAX_QUIET_WAIT_MS / 1000 + " s");
    }
    return new Outcome(ready, connectSeconds);
  }

  private static ConnectionCounts awaitSettled(
      LoadEngine engine, Predicate<ConnectionCounts> done, long deadlineNanos)
      throws InterruptedException {
    ConnectionCounts counts = engine.counts();
    while (!done.test(counts) && System.nanoTime() < deadlineNanos) {
      Thread.sleep(POLL_MS);
      counts = engine.counts();
    }
    return counts;
  }

  /**
   * Waits until less than {@link #QUIET_BYTES_PER_PEER} per peer arrived in the last {@link
   * #QUIET_MS}.
   *
   * @return false if traffic was still arriving after {@code maxWaitMs}
   */
  static boolean awaitQuiet(LoadEngine engine, int peers, long maxWaitMs)
      throws InterruptedException {
    long deadline = System.nanoTime() + maxWaitMs * 1_000_000;
    long before = engine.bytesReceived();
    while (System.nanoTime() < deadline) {
      Thread.sleep(QUIET_MS);
      long now = engine.bytesReceived();
      if (now - before < (long) QUIET_BYTES_PER_PEER * peers) {
        return true;
      }
      before = now;
    }
    return false;
  }
}
