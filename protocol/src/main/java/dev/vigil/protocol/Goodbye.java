package dev.vigil.protocol;

/**
 * Peer to relay: "I am leaving on purpose". The relay records the peer as stopped (for an agent:
 * the host is offline because the agent stopped, not because the link failed) and closes the
 * connection with 1000. Sending it makes that distinction independent of whether the TCP close
 * races the close frame.
 *
 * @param reason why, e.g. "agent stopping" or "service shutdown"; shown with the offline state
 */
public record Goodbye(@OptionalField String reason) implements Message {}
