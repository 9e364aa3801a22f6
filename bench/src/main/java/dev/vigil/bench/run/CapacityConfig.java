package dev.vigil.bench.run;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * One capacity search: one cell, one server, the per-agent rates to step through, and each step's
 * timing.
 *
 * @param server where the system under test listens
 * @param serverPid its process id, for CPU and memory; 0 when unknown (in-process tests)
 * @param agents simulated agents
 * @param dashboards simulated dashboards, each receiving every sample
 * @param ratesHz per-agent send rates to try, increasing
 * @param warmupMs extra sending at the first rate before the first step's settle, so a freshly
 *     started server's JIT warm-up is not judged as its capacity
 * @param settleMs sending at the step's rate before its window
 * @param windowMs the measured window (by scheduled send time)
 * @param drainMs sending goes on this long after the window; what has not arrived by its end is
 *     lost
 * @param maxP99Ms a sustained step's p99 latency bound
 * @param refine after the first step that is not sustained, try once halfway between it and the
 *     last sustained rate
 * @param connectTimeoutMs longest wait for every peer to be ready
 * @param serverRssLimitBytes the search is aborted if the server grows past this
 */
public record CapacityConfig(
    InetSocketAddress server,
    long serverPid,
    int agents,
    int dashboards,
    List<Double> ratesHz,
    long warmupMs,
    long settleMs,
    long windowMs,
    long drainMs,
    double maxP99Ms,
    boolean refine,
    long connectTimeoutMs,
    long serverRssLimitBytes) {
  public CapacityConfig {
    if (agents <= 0 || dashboards <= 0) {
      throw new IllegalArgumentException(
          "agents and dashboards must be positive: " + agents + ", " + dashboards);
    }
    if (windowMs <= 0 || settleMs < 0 || drainMs < 0 || warmupMs < 0) {
      throw new IllegalArgumentException(
          "window must be positive, warm-up, settle and drain not negative: "
              + windowMs
              + ", "
              + settleMs
              + ", "
              + drainMs);
    }
    ratesHz = List.copyOf(ratesHz);
    if (ratesHz.isEmpty()) {
      throw new IllegalArgumentException("no rates to try");
    }
    for (int i = 0; i < ratesHz.size(); i++) {
      double r = ratesHz.get(i);
      if (!(r > 0) || Double.isInfinite(r) || (i > 0 && r <= ratesHz.get(i - 1))) {
        throw new IllegalArgumentException("rates must be positive and increasing: " + ratesHz);
      }
    }
  }
}
