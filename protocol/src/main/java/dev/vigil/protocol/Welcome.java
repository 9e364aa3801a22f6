package dev.vigil.protocol;

/**
 * The relay's answer to an accepted {@link Hello}.
 *
 * @param relayId id of the relay instance
 * @param sessionId id of this connection, for logs on both ends
 * @param heartbeatIntervalMs how often each side sends {@link Ping}; a peer silent for {@link
 *     Protocol#HEARTBEAT_TIMEOUT_FACTOR} intervals is considered dead
 * @param serverTimeMs relay wall clock, epoch milliseconds
 * @param relayVersion relay software version
 * @param receivedSeq agents: the highest sequence number of the agent's declared stream epoch the
 *     relay already holds (0 when none, or for another epoch); the agent resends what follows
 */
public record Welcome(
    String relayId,
    String sessionId,
    long heartbeatIntervalMs,
    long serverTimeMs,
    String relayVersion,
    @OptionalField Long receivedSeq)
    implements Message {

  /** A welcome that says nothing of a stream (dashboards). */
  public Welcome(
      String relayId,
      String sessionId,
      long heartbeatIntervalMs,
      long serverTimeMs,
      String relayVersion) {
    this(relayId, sessionId, heartbeatIntervalMs, serverTimeMs, relayVersion, null);
  }

  /** {@link #receivedSeq}, 0 when absent. */
  public long receivedSeqOrZero() {
    return receivedSeq == null ? 0 : receivedSeq;
  }
}
