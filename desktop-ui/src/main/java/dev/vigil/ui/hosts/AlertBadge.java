package dev.vigil.ui.hosts;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Severity;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The active (pending or firing) alerts of one host, as a tile shows them.
 *
 * @param count how many alerts are active
 * @param worst the most severe active alert's severity; {@code null} when none is active
 * @param sensorIds the sensors the active alerts concern
 */
public record AlertBadge(int count, Severity worst, Set<String> sensorIds) {
  /** No active alerts. */
  public static final AlertBadge NONE = new AlertBadge(0, null, Set.of());

  public AlertBadge {
    sensorIds = Set.copyOf(sensorIds);
  }

  /** Groups the active alerts by host. */
  public static Map<String, AlertBadge> byHost(Collection<Alert> alerts) {
    Map<String, AlertBadge> badges = new HashMap<>();
    for (Alert alert : alerts) {
      if (alert.state() == AlertState.RESOLVED) {
        continue;
      }
      Set<String> sensors = alert.sensorId() == null ? Set.of() : Set.of(alert.sensorId());
      badges.merge(alert.hostId(), new AlertBadge(1, alert.severity(), sensors), AlertBadge::plus);
    }
    return badges;
  }

  /** E.g. "2 alerts"; empty when none. */
  public String text() {
    return count == 0 ? "" : count == 1 ? "1 alert" : count + " alerts";
  }

  private AlertBadge plus(AlertBadge other) {
    Severity worse =
        worst == null || (other.worst != null && other.worst.compareTo(worst) > 0)
            ? other.worst
            : worst;
    Set<String> sensors = new HashSet<>(sensorIds);
    sensors.addAll(other.sensorIds);
    return new AlertBadge(count + other.count, worse, sensors);
  }
}
