package dev.vigil.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges a capacity step. A step is sustained when every delivery scheduled in its window arrived
 * by the end of its drain, nothing was held back at the sender or by a closed connection, and its
 * p99 latency is at most the bound. A growing backlog shows as a p99 that grows with the window, so
 * the bound catches saturation even before the drain runs out.
 *
 * <p>A failed step is charged to the server only when the harness can be ruled out. With the
 * harness's core saturated the two can be told apart only when the server's core was saturated too
 * and its failure goes beyond the harness's lag (below): a server using all of its one core cannot
 * go faster whatever the load generator does, so that failure is the server's. Otherwise a
 * saturated harness makes the step harness-bound. With the harness merely late in sending (send lag
 * p99 over {@link HarnessLimits#BEHIND_MS}), the server is still charged when its failure exceeds
 * that lag: p99 minus send lag p99 over the bound, losses although no send was later than the
 * drain, held-back sends or closed connections; otherwise harness-bound.
 */
public final class SustainRule {
  private final double maxP99Ms;

  /** A rule with p99 bound {@code maxP99Ms}. */
  public SustainRule(double maxP99Ms) {
    if (!(maxP99Ms > 0)) {
      throw new IllegalArgumentException("p99 bound must be positive: " + maxP99Ms);
    }
    this.maxP99Ms = maxP99Ms;
  }

  /** The p99 bound in ms. */
  public double maxP99Ms() {
    return maxP99Ms;
  }

  /** The verdict on {@code step}. */
  public StepVerdict judge(StepCounts step) {
    List<String> failures = new ArrayList<>();
    boolean serverFailed = false;
    if (step.abort() != null) {
      failures.add(step.abort());
      serverFailed = true;
    }
    if (step.expectedDeliveries() == 0) {
      failures.add("nothing sent in the window");
    }
    double lagP99 = step.sendLagP99Ms() == null ? 0 : step.sendLagP99Ms();
    double lagMax = step.sendLagMaxMs() == null ? 0 : step.sendLagMaxMs();
    if (step.lost() > 0) {
      failures.add(String.format(Locale.ROOT, "lost %,d", step.lost()));
      serverFailed |= lagMax < step.drainMs();
    }
    if (step.droppedAtSender() > 0) {
      failures.add(
          String.format(
              Locale.ROOT, "%,d samples held back (agent socket full)", step.droppedAtSender()));
      serverFailed = true;
    }
    if (step.notConnectedAtSlot() > 0 || step.connectionsClosed() > 0) {
      serverFailed = true;
      failures.add(
          String.format(
              Locale.ROOT,
              "%,d connections closed, %,d sends to closed agents",
              step.connectionsClosed(),
              step.notConnectedAtSlot()));
    }
    if (step.p99Ms() != null && step.p99Ms() > maxP99Ms) {
      failures.add(String.format(Locale.ROOT, "p99 %.1f ms over %.0f ms", step.p99Ms(), maxP99Ms));
      serverFailed |= step.p99Ms() - lagP99 > maxP99Ms;
    }
    boolean serverSaturated =
        step.serverCpuCores() != null
            && step.serverCpuCores() >= HarnessLimits.SERVER_SATURATED_CORES;
    boolean saturated =
        step.harnessCpuCores() >= HarnessLimits.SATURATED_CORES
            && !(serverSaturated && serverFailed);
    boolean harnessLimited = HarnessLimits.bound(step.harnessCpuCores(), step.sendLagP99Ms());
    String harness =
        harnessLimited
            ? String.format(
                Locale.ROOT,
                "harness %.2f cores, send lag p99 %.1f ms",
                step.harnessCpuCores(),
                lagP99)
            : "";
    if (failures.isEmpty()) {
      return new StepVerdict(StepVerdict.Kind.SUSTAINED, harness);
    }
    if (harnessLimited) {
      failures.add(harness);
    }
    if (serverSaturated && serverFailed && harnessLimited) {
      failures.add(
          String.format(Locale.ROOT, "server saturated its core (%.2f)", step.serverCpuCores()));
    }
    if (saturated || (harnessLimited && !serverFailed)) {
      return new StepVerdict(StepVerdict.Kind.HARNESS_BOUND, String.join("; ", failures));
    }
    return new StepVerdict(StepVerdict.Kind.NOT_SUSTAINED, String.join("; ", failures));
  }

  /**
   * What the rule looks at in one step.
   *
   * @param expectedDeliveries samples sent in the window times the dashboards
   * @param lost expected deliveries not received by the end of the drain
   * @param droppedAtSender samples not sent because the agent's socket backlog was full
   * @param notConnectedAtSlot sends due for an agent that was not connected
   * @param connectionsClosed connections that ended during the step
   * @param p99Ms p99 latency of the window's deliveries, null if none
   * @param sendLagP99Ms p99 of how late the harness sent, null if nothing was sent
   * @param sendLagMaxMs the latest send, null if nothing was sent
   * @param drainMs the step's drain: a send later than this may miss it through no fault of the
   *     server
   * @param harnessCpuCores the harness's CPU per window second
   * @param serverCpuCores the server's CPU per window second, null when unknown
   * @param abort why the step was cut short (server memory), or null
   */
  public record StepCounts(
      long expectedDeliveries,
      long lost,
      long droppedAtSender,
      long notConnectedAtSlot,
      int connectionsClosed,
      Double p99Ms,
      Double sendLagP99Ms,
      Double sendLagMaxMs,
      long drainMs,
      double harnessCpuCores,
      Double serverCpuCores,
      String abort) {}
}
