package dev.vigil.protocol;

import java.util.Map;

/**
 * Relay to dashboard: who a host is and whether it is alive. Sent on every state change.
 *
 * @param hostId the agent's host id
 * @param name host name
 * @param state online, stale or offline
 * @param lastSeenMs when the relay last heard from the host, epoch milliseconds
 * @param labels the agent's labels
 * @param simulated true for simulated hosts
 * @param platform operating system and architecture, if known
 * @param reason why the host is stale or offline (e.g. "agent closed the connection", "link silent
 *     for 15 s"); {@code null} when online
 */
public record HostStatus(
    String hostId,
    String name,
    HostState state,
    long lastSeenMs,
    @OptionalField Map<String, String> labels,
    boolean simulated,
    @OptionalField String platform,
    @OptionalField String reason)
    implements Message {
  public HostStatus {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
