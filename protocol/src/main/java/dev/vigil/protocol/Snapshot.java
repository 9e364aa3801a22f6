package dev.vigil.protocol;

import java.util.List;

/**
 * Relay to dashboard, right after the {@link Welcome}: the full current state. Live deltas follow.
 *
 * @param serverTimeMs relay wall clock, epoch milliseconds
 * @param hosts every host the relay knows
 * @param alerts every alert that is pending, firing, or resolved recently
 * @param recentEvents the latest hot-plug events, oldest first
 * @param rules every alert rule in effect (later changes come as {@link RuleList}); empty when the
 *     relay sends none
 * @param silences every silence in effect (later changes come as {@link SilenceList})
 */
public record Snapshot(
    long serverTimeMs,
    List<HostSnapshot> hosts,
    List<Alert> alerts,
    List<DeviceEvent> recentEvents,
    @OptionalField List<RuleDefinition> rules,
    @OptionalField List<Silence> silences)
    implements Message {
  public Snapshot {
    hosts = List.copyOf(hosts);
    alerts = List.copyOf(alerts);
    recentEvents = List.copyOf(recentEvents);
    rules = rules == null ? List.of() : List.copyOf(rules);
    silences = silences == null ? List.of() : List.copyOf(silences);
  }

  /** A snapshot without rules or silences. */
  public Snapshot(
      long serverTimeMs,
      List<HostSnapshot> hosts,
      List<Alert> alerts,
      List<DeviceEvent> recentEvents) {
    this(serverTimeMs, hosts, alerts, recentEvents, null, null);
  }
}
