package dev.vigil.bench.load;

/**
 * When each agent sends, independent of how fast anything answers (open loop): agent {@code i} of
 * {@code n} sends its message number {@code seq} (from 1) at {@code start + (seq - 1) * period + i
 * * period / n}, so the n agents are spread evenly over every period. Sends are visited as one
 * increasing sequence of slots, slot {@code k} being agent {@code k mod n}, message {@code k div n
 * + 1}. Immutable.
 *
 * @param startNanos {@link System#nanoTime()} of agent 0's first send
 * @param periodNanos time between two sends of one agent
 * @param agents number of agents, n
 */
public record OpenLoopSchedule(long startNanos, long periodNanos, int agents) {
  public OpenLoopSchedule {
    if (periodNanos <= 0 || agents <= 0) {
      throw new IllegalArgumentException(
          "period and agents must be positive: " + periodNanos + ", " + agents);
    }
  }

  /** Agent {@code agent}'s offset within every period, in nanoseconds. */
  public long offsetNanos(int agent) {
    return periodNanos * agent / agents;
  }

  /** When agent {@code agent} sends message {@code seq} (from 1). */
  public long scheduledNanos(int agent, long seq) {
    return startNanos + (seq - 1) * periodNanos + offsetNanos(agent);
  }

  /** The agent of slot {@code slot}. */
  public int agentOf(long slot) {
    return (int) (slot % agents);
  }

  /** The message number (from 1) of slot {@code slot}. */
  public long seqOf(long slot) {
    return slot / agents + 1;
  }

  /** When slot {@code slot} is due. */
  public long scheduledNanosOf(long slot) {
    return scheduledNanos(agentOf(slot), seqOf(slot));
  }
}
