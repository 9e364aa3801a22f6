package dev.vigil.protocol;

import java.util.List;

/**
 * Relay to dashboard, right after the {@link Welcome}: the full current state. Live deltas follow.
 *
 * @param serverTimeMs relay wall clock, epoch milliseconds
 * @param hosts every host the relay knows
 * @param alerts every alert that is pending, firing, or resolved recently
 * @param recentEvents the latest hot-plug events, oldest first
 */
public record Snapshot(
    long serverTimeMs, List<HostSnapshot> hosts, List<Alert> alerts, List<DeviceEvent> recentEvents)
    implements Message {
  public Snapshot {
    hosts = List.copyOf(hosts);
    alerts = List.copyOf(alerts);
    recentEvents = List.copyOf(recentEvents);
  }
}
