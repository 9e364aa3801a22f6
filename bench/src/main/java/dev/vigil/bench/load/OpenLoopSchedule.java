package dev.vigil.bench.load;

/**
 * When each agent sends, independent of how fast anything answers (open loop): agent {@code i} of
 * {@code n} sends its message number {@code seq} (from {@code firstSeq}) at {@code start + (seq -
 * firstSeq) * period + i * period / n}, so the n agents are spread evenly over every period. Sends
 * are visited as one increasing sequence of slots, slot {@code k} being agent {@code k mod n},
 * message {@code firstSeq + k div n}. Immutable.
 *
 * @param startNanos {@link System#nanoTime()} of agent 0's first send
 * @param periodNanos time between two sends of one agent
 * @param agents number of agents, n
 * @param firstSeq sequence number of every agent's first send (1 for a cell; a capacity step goes
 *     on from where the step before it stopped, so late deliveries of an earlier step are told
 *     apart)
 */
public record OpenLoopSchedule(long startNanos, long periodNanos, int agents, long firstSeq) {
  private static final double NANOS_PER_SECOND = 1e9;

  public OpenLoopSchedule {
    if (periodNanos <= 0 || agents <= 0 || firstSeq < 1) {
      throw new IllegalArgumentException(
          "period, agents and firstSeq must be positive: "
              + periodNanos
              + ", "
              + agents
              + ", "
              + firstSeq);
    }
  }

  /** A schedule whose sequence numbers start at 1. */
  public OpenLoopSchedule(long startNanos, long periodNanos, int agents) {
    this(startNanos, periodNanos, agents, 1);
  }

  /** Each agent sends {@code ratePerAgentHz} messages per second (period rounded to 1 ns). */
  public static OpenLoopSchedule atRate(
      long startNanos, double ratePerAgentHz, int agents, long firstSeq) {
    if (!(ratePerAgentHz > 0) || Double.isInfinite(ratePerAgentHz)) {
      throw new IllegalArgumentException("rate must be positive: " + ratePerAgentHz);
    }
    return new OpenLoopSchedule(
        startNanos, Math.round(NANOS_PER_SECOND / ratePerAgentHz), agents, firstSeq);
  }

  /** Agent {@code agent}'s offset within every period, in nanoseconds. */
  public long offsetNanos(int agent) {
    return periodNanos * agent / agents;
  }

  /** When agent {@code agent} sends message {@code seq} (from {@link #firstSeq}). */
  public long scheduledNanos(int agent, long seq) {
    return startNanos + (seq - firstSeq) * periodNanos + offsetNanos(agent);
  }

  /** The agent of slot {@code slot}. */
  public int agentOf(long slot) {
    return (int) (slot % agents);
  }

  /** The message number of slot {@code slot}. */
  public long seqOf(long slot) {
    return slot / agents + firstSeq;
  }

  /** When slot {@code slot} is due. */
  public long scheduledNanosOf(long slot) {
    return scheduledNanos(agentOf(slot), seqOf(slot));
  }

  /** The largest sequence number any agent sends before {@code endNanos} (firstSeq - 1 if none). */
  public long lastSeqBefore(long endNanos) {
    if (endNanos <= startNanos) {
      return firstSeq - 1;
    }
    return firstSeq + (endNanos - startNanos - 1) / periodNanos;
  }
}
