package dev.vigil.agent.collect;

/**
 * Cumulative CPU time counters: user, nice, system, idle, iowait, irq, softirq, steal (OSHI's tick
 * order), for the whole CPU and per logical CPU.
 *
 * @param total the whole CPU's counters
 * @param cores counters per logical CPU, indexed by CPU number; an entry is null for a CPU that is
 *     offline
 */
public record CpuTicks(long[] total, long[][] cores) {
  /** Number of counters per CPU. */
  public static final int COUNT = 8;

  private static final int IDLE = 3;
  private static final int IOWAIT = 4;

  /**
   * The busy fraction (0 to 1) between {@code before} and {@code now}: 1 - (idle + iowait) / total,
   * as OSHI computes it; NaN when no time passed or a counter went backwards.
   */
  public static double busyBetween(long[] before, long[] now) {
    if (before == null || now == null || before.length != now.length) {
      return Double.NaN;
    }
    long total = 0;
    for (int i = 0; i < now.length; i++) {
      total += now[i] - before[i];
    }
    long idle = now[IDLE] + now[IOWAIT] - before[IDLE] - before[IOWAIT];
    return total > 0 && idle >= 0 && idle <= total ? (double) (total - idle) / total : Double.NaN;
  }
}
