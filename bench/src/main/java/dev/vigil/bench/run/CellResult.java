package dev.vigil.bench.run;

/**
 * The numbers of one cell for one system: one row of the table. Values a run could not measure are
 * {@code null} (no deliveries: no latency; no server pid: no server CPU), never 0.
 *
 * @param system {@code vigil}, {@code bare} or {@code mosquitto}
 * @param agents agents asked for
 * @param dashboards dashboards asked for (measured)
 * @param stalledDashboards further dashboards that stopped reading once ready, not measured
 * @param agentsReady agents ready when sending started
 * @param dashboardsReady dashboards ready when sending started
 * @param connectSeconds time to connect every peer
 * @param windowSeconds measured window length
 * @param samplesSent samples sent whose scheduled time falls in the window
 * @param expectedDeliveries samplesSent times the dashboards (per agent, counted exactly)
 * @param delivered first deliveries of those samples by the end of the drain
 * @param lost expectedDeliveries minus delivered
 * @param duplicates deliveries a dashboard already had
 * @param deliveriesPerSecond delivered divided by the window length
 * @param p50Ms median latency (receive minus scheduled send time)
 * @param p99Ms 99th percentile latency
 * @param p999Ms 99.9th percentile latency
 * @param maxMs largest latency
 * @param sendLagP99Ms 99th percentile of how late the harness sent (inside every latency)
 * @param serverCpuSeconds CPU the server used during the window
 * @param serverCpuCores serverCpuSeconds per window second
 * @param serverPeakRssMb the server's peak resident memory, MiB (fresh process per cell)
 * @param harnessCpuCores CPU the load generator used per window second
 * @param otherCpuCores CPU every other process on the machine used per window second (noise)
 * @param droppedAtSender samples an agent skipped because its socket backlog was full
 * @param connectionsFailed connections that never became ready
 * @param connectionsClosed connections that ended during the run
 * @param notes saturation and anomalies, for the table
 */
public record CellResult(
    String system,
    int agents,
    int dashboards,
    int stalledDashboards,
    int agentsReady,
    int dashboardsReady,
    double connectSeconds,
    double windowSeconds,
    long samplesSent,
    long expectedDeliveries,
    long delivered,
    long lost,
    long duplicates,
    double deliveriesPerSecond,
    Double p50Ms,
    Double p99Ms,
    Double p999Ms,
    Double maxMs,
    Double sendLagP99Ms,
    Double serverCpuSeconds,
    Double serverCpuCores,
    Double serverPeakRssMb,
    Double harnessCpuCores,
    Double otherCpuCores,
    long droppedAtSender,
    int connectionsFailed,
    int connectionsClosed,
    String notes) {

  /**
   * True when the harness, not the server, shaped this cell: the harness was saturated or behind
   * its schedule while the server still had CPU to spare. Latency includes the harness's lateness
   * (it is measured from the scheduled send time), so such a cell says more about the load
   * generator than about the server and is worth measuring again.
   */
  public boolean harnessShaped() {
    boolean serverSaturated =
        serverCpuCores != null && serverCpuCores >= HarnessLimits.SERVER_SATURATED_CORES;
    return !serverSaturated
        && HarnessLimits.bound(harnessCpuCores == null ? 0 : harnessCpuCores, sendLagP99Ms);
  }

  /** The cell label used in tables, e.g. {@code 10000×10}, or {@code 10000×10 +1 stalled}. */
  public String cell() {
    return agents
        + "×"
        + dashboards
        + (stalledDashboards > 0 ? " +" + stalledDashboards + " stalled" : "");
  }
}
