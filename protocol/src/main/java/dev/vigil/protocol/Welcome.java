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
 * @param streamEpoch dashboards: the epoch of the relay's numbered stream; it changes when the
 *     relay restarts, so numbers from another epoch cannot be resumed
 * @param resumed dashboards: true when the relay replays what followed the dashboard's {@code
 *     resumeAfterSeq} (no snapshot follows); false or absent when a snapshot follows (preceded by a
 *     {@link Gap} if the dashboard had asked to resume)
 * @param role dashboards: the role of the operator token ({@code viewer}, {@code operator} or
 *     {@code admin}), so the dashboard can hide what the relay would refuse
 */
public record Welcome(
    String relayId,
    String sessionId,
    long heartbeatIntervalMs,
    long serverTimeMs,
    String relayVersion,
    @OptionalField Long receivedSeq,
    @OptionalField String streamEpoch,
    @OptionalField Boolean resumed,
    @OptionalField String role)
    implements Message {

  /** A welcome without an operator role. */
  public Welcome(
      String relayId,
      String sessionId,
      long heartbeatIntervalMs,
      long serverTimeMs,
      String relayVersion,
      Long receivedSeq,
      String streamEpoch,
      Boolean resumed) {
    this(
        relayId,
        sessionId,
        heartbeatIntervalMs,
        serverTimeMs,
        relayVersion,
        receivedSeq,
        streamEpoch,
        resumed,
        null);
  }

  /** A welcome that says nothing of a stream (dashboards). */
  public Welcome(
      String relayId,
      String sessionId,
      long heartbeatIntervalMs,
      long serverTimeMs,
      String relayVersion) {
    this(relayId, sessionId, heartbeatIntervalMs, serverTimeMs, relayVersion, null, null, null);
  }

  /** A welcome for an agent, telling where the relay stands in its stream. */
  public static Welcome forAgent(
      String relayId,
      String sessionId,
      long heartbeatIntervalMs,
      long serverTimeMs,
      String relayVersion,
      long receivedSeq) {
    return new Welcome(
        relayId,
        sessionId,
        heartbeatIntervalMs,
        serverTimeMs,
        relayVersion,
        receivedSeq,
        null,
        null);
  }

  /** A welcome for a dashboard: the relay stream's epoch, and whether its stream is resumed. */
  public static Welcome forDashboard(
      String relayId,
      String sessionId,
      long heartbeatIntervalMs,
      long serverTimeMs,
      String relayVersion,
      String streamEpoch,
      boolean resumed) {
    return new Welcome(
        relayId,
        sessionId,
        heartbeatIntervalMs,
        serverTimeMs,
        relayVersion,
        null,
        streamEpoch,
        resumed);
  }

  /** A welcome for a dashboard whose operator token has {@code operatorRole}. */
  public static Welcome forDashboard(
      String relayId,
      String sessionId,
      long heartbeatIntervalMs,
      long serverTimeMs,
      String relayVersion,
      String streamEpoch,
      boolean resumed,
      String operatorRole) {
    return new Welcome(
        relayId,
        sessionId,
        heartbeatIntervalMs,
        serverTimeMs,
        relayVersion,
        null,
        streamEpoch,
        resumed,
        operatorRole);
  }

  /** True when the relay resumes the dashboard's stream instead of sending a snapshot. */
  public boolean isResumed() {
    return Boolean.TRUE.equals(resumed);
  }

  /** {@link #receivedSeq}, 0 when absent. */
  public long receivedSeqOrZero() {
    return receivedSeq == null ? 0 : receivedSeq;
  }
}
