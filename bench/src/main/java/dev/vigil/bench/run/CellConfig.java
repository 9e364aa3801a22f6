package dev.vigil.bench.run;

import java.net.InetSocketAddress;

/**
 * One cell of the benchmark: how many agents and dashboards, against which server, for how long.
 *
 * @param server where the system under test listens
 * @param serverPid its process id, for CPU and memory; 0 when unknown (in-process tests)
 * @param agents simulated agents, each sending one sample per second
 * @param dashboards simulated dashboards, each receiving every sample
 * @param settleMs sending before the measured window starts
 * @param windowMs the measured window (by scheduled send time)
 * @param drainMs sending goes on this long after the window, so its last samples see the same load
 * @param connectTimeoutMs longest wait for every peer to be ready
 * @param serverRssLimitBytes the cell is aborted if the server grows past this (keeps the machine
 *     safe from an unbounded queue)
 * @param stalledDashboards extra dashboards that stop reading once ready (not measured): what a
 *     stalled dashboard does to the others' latency
 */
public record CellConfig(
    InetSocketAddress server,
    long serverPid,
    int agents,
    int dashboards,
    long settleMs,
    long windowMs,
    long drainMs,
    long connectTimeoutMs,
    long serverRssLimitBytes,
    int stalledDashboards) {
  /** A cell without stalled dashboards. */
  public CellConfig(
      InetSocketAddress server,
      long serverPid,
      int agents,
      int dashboards,
      long settleMs,
      long windowMs,
      long drainMs,
      long connectTimeoutMs,
      long serverRssLimitBytes) {
    this(
        server,
        serverPid,
        agents,
        dashboards,
        settleMs,
        windowMs,
        drainMs,
        connectTimeoutMs,
        serverRssLimitBytes,
        0);
  }

  public CellConfig {
    if (stalledDashboards < 0) {
      throw new IllegalArgumentException("stalled dashboards must not be negative");
    }
    if (agents <= 0 || dashboards <= 0) {
      throw new IllegalArgumentException(
          "agents and dashboards must be positive: " + agents + ", " + dashboards);
    }
    if (windowMs <= 0 || settleMs < 0 || drainMs < 0) {
      throw new IllegalArgumentException(
          "window must be positive, settle and drain not negative: "
              + windowMs
              + ", "
              + settleMs
              + ", "
              + drainMs);
    }
  }
}
