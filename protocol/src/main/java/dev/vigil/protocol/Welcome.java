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
 */
public record Welcome(
    String relayId,
    String sessionId,
    long heartbeatIntervalMs,
    long serverTimeMs,
    String relayVersion)
    implements Message {}
