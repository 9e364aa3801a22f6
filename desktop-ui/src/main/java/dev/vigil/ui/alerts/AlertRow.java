package dev.vigil.ui.alerts;

import dev.vigil.protocol.Acknowledgement;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.ui.format.Formats;
import java.time.ZoneId;
import java.util.Locale;

/**
 * One alert as the alerts pane lists it.
 *
 * @param alert the alert itself
 * @param severityText e.g. "CRITICAL"
 * @param stateText e.g. "firing"
 * @param hostText the host name, with "(SIMULATED)" for simulated hosts
 * @param sinceText e.g. "firing since 14:03:07"
 * @param ackText who acknowledged it, when, and their comment; empty if nobody did
 */
public record AlertRow(
    Alert alert,
    String severityText,
    String stateText,
    String hostText,
    String sinceText,
    String ackText) {

  /** The row for an alert. */
  public static AlertRow of(Alert alert, boolean hostSimulated, ZoneId zone) {
    return new AlertRow(
        alert,
        alert.severity().name(),
        alert.state().name().toLowerCase(Locale.ROOT),
        hostSimulated ? alert.hostName() + " (SIMULATED)" : alert.hostName(),
        sinceText(alert, zone),
        ackText(alert.ack(), zone));
  }

  /** The alert's id. */
  public String alertId() {
    return alert.id();
  }

  /** True for resolved alerts, shown muted. */
  public boolean isResolved() {
    return alert.state() == AlertState.RESOLVED;
  }

  /** True when an operator may still acknowledge it: active and not yet acknowledged. */
  public boolean canAcknowledge() {
    return !isResolved() && alert.ack() == null;
  }

  /** The time the list orders by: resolution for resolved alerts, else firing or start. */
  public long sortTimeMs() {
    Alert a = alert;
    if (a.state() == AlertState.RESOLVED && a.resolvedAtMs() != null) {
      return a.resolvedAtMs();
    }
    return a.firingAtMs() != null ? a.firingAtMs() : a.startedAtMs();
  }

  private static String sinceText(Alert alert, ZoneId zone) {
    return switch (alert.state()) {
      case PENDING -> "pending since " + Formats.clock(alert.startedAtMs(), zone);
      case FIRING ->
          "firing since "
              + Formats.clock(
                  alert.firingAtMs() != null ? alert.firingAtMs() : alert.startedAtMs(), zone);
      case RESOLVED ->
          alert.resolvedAtMs() != null
              ? "resolved at " + Formats.clock(alert.resolvedAtMs(), zone)
              : "resolved";
    };
  }

  private static String ackText(Acknowledgement ack, ZoneId zone) {
    if (ack == null) {
      return "";
    }
    String comment = ack.comment() == null || ack.comment().isBlank() ? "" : ": " + ack.comment();
    return "acknowledged by " + ack.by() + " at " + Formats.clock(ack.atMs(), zone) + comment;
  }
}
