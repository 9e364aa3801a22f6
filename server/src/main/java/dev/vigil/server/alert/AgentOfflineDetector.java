package dev.vigil.server.alert;

import dev.vigil.protocol.HostState;
import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Raises an alert when a host has been offline for a configured time; the message names the host
 * and whether the agent stopped (it said goodbye, or closed normally) or its link was lost
 * (dropped, heartbeat timeout), and the alert's {@code reason} says which. Resolves on reconnect.
 */
public final class AgentOfflineDetector implements AlertDetector {
  /** Rule id of the built-in agent-offline rule. */
  public static final String RULE_ID = "agent-offline";

  /** Default time a host must stay offline before the alert fires. */
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);

  /** Alert reason of an agent that stopped on purpose. */
  public static final String AGENT_STOPPED = "agent stopped";

  /** Alert reason of an agent whose link dropped or timed out. */
  public static final String LINK_LOST = "link lost";

  private final String ruleId;
  private final HostSelector hosts;
  private final Duration delay;
  private final Severity severity;
  private final String template;

  /** The built-in rule: every host, a warning after {@code delay}. */
  public AgentOfflineDetector(Duration delay) {
    this(RULE_ID, "*", Map.of(), delay, Severity.WARNING, null);
  }

  /**
   * @param template the message template; {@code null} for the relay's own wording
   */
  public AgentOfflineDetector(
      String ruleId,
      String hostGlob,
      Map<String, String> labels,
      Duration delay,
      Severity severity,
      String template) {
    this.ruleId = ruleId;
    this.hosts = new HostSelector(hostGlob, labels);
    this.delay = delay;
    this.severity = severity;
    this.template = template;
  }

  @Override
  public void onHostState(AlertHost host, List<Observation> out) {
    if (!hosts.matches(host)) {
      return;
    }
    boolean offline = host.state() == HostState.OFFLINE;
    String reason = offline ? reasonOf(host.stateReason()) : null;
    out.add(
        new Observation(
            new AlertKey(ruleId, host.hostId(), null),
            ruleId,
            host.hostId(),
            host.hostName(),
            null,
            severity,
            delay,
            offline,
            !offline,
            null,
            null,
            () -> describe(host, reason),
            reason));
  }

  /** {@link #AGENT_STOPPED} or {@link #LINK_LOST} for the relay's offline reason of a host. */
  public static String reasonOf(String stateReason) {
    return stateReason != null && stateReason.startsWith(AGENT_STOPPED) ? AGENT_STOPPED : LINK_LOST;
  }

  private String describe(AlertHost host, String reason) {
    String detail = host.stateReason() == null ? "no reason known" : host.stateReason();
    if (template == null) {
      return AGENT_STOPPED.equals(reason)
          ? "Agent on " + host.hostName() + " offline: " + detail
          : "Agent on "
              + host.hostName()
              + " offline: "
              + (detail.startsWith(LINK_LOST) ? detail : LINK_LOST + " (" + detail + ")");
    }
    return MessageTemplate.render(
        template,
        Map.of(
            "host", host.hostName(),
            "hostId", host.hostId(),
            "reason", reason == null ? detail : reason + " (" + detail + ")",
            "rule", ruleId,
            "severity", severity.name().toLowerCase(Locale.ROOT)));
  }
}
