package dev.vigil.bench.run;

/**
 * When the load generator, not the server, limits a measurement. The harness runs on one core; past
 * these it cannot vouch for its own schedule, so its numbers describe the harness too.
 */
public final class HarnessLimits {
  /** Harness CPU at or above this share of its one core means the load generator was the limit. */
  public static final double SATURATED_CORES = 0.9;

  /**
   * Server CPU at or above this share of its one pinned core means the server had nothing left to
   * give, whatever the harness did (the same line as for the harness's core).
   */
  public static final double SERVER_SATURATED_CORES = 0.9;

  /** Send lag p99 above this means the harness fell behind its schedule. */
  public static final double BEHIND_MS = 10;

  /** Other processes using more than this many cores during the window make a result suspect. */
  public static final double MACHINE_BUSY_CORES = 0.25;

  private HarnessLimits() {}

  /** True when the harness was saturated or behind schedule. */
  public static boolean bound(double harnessCpuCores, Double sendLagP99Ms) {
    return harnessCpuCores >= SATURATED_CORES || (sendLagP99Ms != null && sendLagP99Ms > BEHIND_MS);
  }
}
