package dev.vigil.server.alert;

import dev.vigil.protocol.HostState;
import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.List;

/**
 * Raises an alert when a host has been offline for a configured time; the message names the host
 * and the relay's reason (agent stopped, or link lost / connection dropped). Resolves on reconnect.
 */
public final class AgentOfflineDetector implements AlertDetector {
  /** Rule id of this detector. */
  public static final String RULE_ID = "agent-offline";

  /** Default time a host must stay offline before the alert fires. */
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);

  private final Duration delay;

  public AgentOfflineDetector(Duration delay) {
    this.delay = delay;
  }

  @Override
  public void onHostState(AlertHost host, List<Observation> out) {
    boolean offline = host.state() == HostState.OFFLINE;
    out.add(
        new Observation(
            new AlertKey(RULE_ID, host.hostId(), null),
            RULE_ID,
            host.hostId(),
            host.hostName(),
            null,
            Severity.WARNING,
            delay,
            offline,
            !offline,
            null,
            null,
            () ->
                "Agent on "
                    + host.hostName()
                    + " offline: "
                    + (host.stateReason() == null ? "no reason known" : host.stateReason())));
  }
}
