package dev.vigil.bench.run;

/**
 * One step of a capacity search: every agent sending at one rate for settle, window and drain.
 * Values the step could not measure are {@code null}, never 0.
 *
 * @param ratePerAgentHz samples per second each agent was scheduled to send
 * @param windowSeconds measured window length
 * @param offeredMessagesPerSecond agents times the rate: inbound samples per second offered
 * @param offeredDeliveriesPerSecond offered messages times the dashboards
 * @param samplesSent samples sent whose scheduled time falls in the window
 * @param expectedDeliveries samplesSent times the dashboards
 * @param delivered first deliveries of those samples by the end of the drain
 * @param lost expectedDeliveries minus delivered
 * @param duplicates deliveries a dashboard already had
 * @param droppedAtSender samples not sent because the agent's socket backlog was full
 * @param deliveriesPerSecond delivered divided by the window length
 * @param messagesPerSecond samplesSent divided by the window length
 * @param p50Ms median latency (receive minus scheduled send time)
 * @param p99Ms 99th percentile latency
 * @param p999Ms 99.9th percentile latency
 * @param maxMs largest latency
 * @param sendLagP99Ms 99th percentile of how late the harness sent
 * @param serverCpuCores the server's CPU per window second
 * @param harnessCpuCores the harness's CPU per window second
 * @param otherCpuCores every other process's CPU per window second (noise)
 * @param verdict sustained, not sustained, or harness-bound
 * @param reason why (failures, harness limits, a busy machine)
 */
public record CapacityStep(
    double ratePerAgentHz,
    double windowSeconds,
    double offeredMessagesPerSecond,
    double offeredDeliveriesPerSecond,
    long samplesSent,
    long expectedDeliveries,
    long delivered,
    long lost,
    long duplicates,
    long droppedAtSender,
    double deliveriesPerSecond,
    double messagesPerSecond,
    Double p50Ms,
    Double p99Ms,
    Double p999Ms,
    Double maxMs,
    Double sendLagP99Ms,
    Double serverCpuCores,
    Double harnessCpuCores,
    Double otherCpuCores,
    StepVerdict.Kind verdict,
    String reason) {

  /** True when the server sustained this step. */
  public boolean sustained() {
    return verdict == StepVerdict.Kind.SUSTAINED;
  }
}
