package dev.vigil.protocol;

import java.util.Map;

/**
 * First message on every connection, from the peer that wants to join the relay.
 *
 * @param role what the peer is
 * @param token the agent or operator token configured on the relay
 * @param peerId stable id: the host id for an agent (persisted across restarts), an instance id for
 *     a dashboard
 * @param name human name: host name for an agent, operator name for a dashboard
 * @param softwareVersion the peer's software version, for diagnostics
 * @param labels free-form labels (e.g. {@code rack=a3}); empty when none
 * @param simulated true only for hosts made up by the simulator; shown as such everywhere
 * @param platform operating system and architecture, e.g. {@code "Linux 6.1 amd64"}
 */
public record Hello(
    Role role,
    String token,
    String peerId,
    String name,
    String softwareVersion,
    @OptionalField Map<String, String> labels,
    @OptionalField Boolean simulated,
    @OptionalField String platform)
    implements Message {
  public Hello {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    simulated = Boolean.TRUE.equals(simulated);
  }

  /** True when this host is simulated. */
  public boolean isSimulated() {
    return Boolean.TRUE.equals(simulated);
  }
}
