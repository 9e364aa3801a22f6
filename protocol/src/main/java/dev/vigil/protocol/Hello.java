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
 * @param streamEpoch agent: the epoch of its numbered stream (samples and events); a new epoch
 *     means the agent lost its buffer and numbers from 1 again. Dashboard: the epoch of the relay's
 *     stream it last received, when it asks to resume
 * @param resumeAfterSeq dashboard: the last sequence number it received in {@code streamEpoch}; the
 *     relay replays what followed, or answers with a {@link Gap} and a fresh snapshot
 */
public record Hello(
    Role role,
    String token,
    String peerId,
    String name,
    String softwareVersion,
    @OptionalField Map<String, String> labels,
    @OptionalField Boolean simulated,
    @OptionalField String platform,
    @OptionalField String streamEpoch,
    @OptionalField Long resumeAfterSeq,
    @OptionalField Long sampleIntervalMs)
    implements Message {
  public Hello {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    simulated = Boolean.TRUE.equals(simulated);
  }

  /** A hello without a numbered stream (dashboards, and agents that buffer nothing). */
  public Hello(
      Role role,
      String token,
      String peerId,
      String name,
      String softwareVersion,
      Map<String, String> labels,
      Boolean simulated,
      String platform) {
    this(role, token, peerId, name, softwareVersion, labels, simulated, platform, null, null, null);
  }

  /** The same hello declaring the agent stream's epoch. */
  public Hello withStreamEpoch(String epoch) {
    return new Hello(
        role,
        token,
        peerId,
        name,
        softwareVersion,
        labels,
        simulated,
        platform,
        epoch,
        null,
        sampleIntervalMs);
  }

  /** The same hello declaring the agent's current sampling interval. */
  public Hello withSampleIntervalMs(long intervalMs) {
    return new Hello(
        role,
        token,
        peerId,
        name,
        softwareVersion,
        labels,
        simulated,
        platform,
        streamEpoch,
        resumeAfterSeq,
        intervalMs);
  }

  /** The same hello asking to resume the relay's stream {@code epoch} after {@code lastSeq}. */
  public Hello withResume(String epoch, long lastSeq) {
    return new Hello(
        role,
        token,
        peerId,
        name,
        softwareVersion,
        labels,
        simulated,
        platform,
        epoch,
        lastSeq,
        sampleIntervalMs);
  }

  /** True when a dashboard asks to resume a stream it had. */
  public boolean asksToResume() {
    return streamEpoch != null && resumeAfterSeq != null;
  }

  /** True when this host is simulated. */
  public boolean isSimulated() {
    return Boolean.TRUE.equals(simulated);
  }
}
