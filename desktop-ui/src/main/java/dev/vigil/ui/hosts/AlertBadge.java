package dev.vigil.ui.hosts;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Severity;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The active (pending or firing) alerts of one host, as a tile shows them.
 *
 * @param count how many alerts are active
 * @param worst the most severe active alert's severity; {@code null} when none is active
 */
public record AlertBadge(int count, Severity worst) {
  /** No active alerts. */
  public static final AlertBadge NONE = new AlertBadge(0, null);

  /** Groups the active alerts by host. */
  public static Map<String, AlertBadge> byHost(Collection<Alert> alerts) {
    Map<String, AlertBadge> badges = new HashMap<>();
    for (Alert alert : alerts) {
      if (alert.state() == AlertState.RESOLVED) {
        continue;
      }
      badges.merge(alert.hostId(), new AlertBadge(1, alert.severity()), AlertBadge::plus);
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
    return new AlertBadge(count + other.count, worse);
  }
}
