package dev.vigil.ui.alerts;

import dev.vigil.protocol.Acknowledgement;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.ui.format.Formats;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.state.HostModel;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One alert as the alerts pane lists it.
 *
 * @param alert the alert itself
 * @param severityText e.g. "CRITICAL"
 * @param stateText e.g. "firing"
 * @param hostText the host name, with "(SIMULATED)" for simulated hosts
 * @param sinceText e.g. "firing since 14:03:07"
 * @param ackText who acknowledged it, when, and their comment; empty if nobody did
 * @param hostSimulated true when the alert's host is simulated
 */
public record AlertRow(
    Alert alert,
    String severityText,
    String stateText,
    String hostText,
    String sinceText,
    String ackText,
    boolean hostSimulated) {

  /** The row for an alert. */
  public static AlertRow of(Alert alert, boolean hostSimulated, ZoneId zone) {
    return new AlertRow(
        alert,
        alert.severity().name(),
        stateText(alert),
        hostSimulated ? alert.hostName() + " (SIMULATED)" : alert.hostName(),
        sinceText(alert, zone),
        ackText(alert.ack(), zone),
        hostSimulated);
  }

  /** The row for an alert, its host looked up in the store to see whether it is simulated. */
  public static AlertRow of(Alert alert, DashboardState state, ZoneId zone) {
    boolean simulated =
        state.host(alert.hostId()).map(HostModel::status).map(s -> s.simulated()).orElse(false);
    return of(alert, simulated, zone);
  }

  /** The rows of the store's alerts that pass {@code filter}, in {@link AlertOrder}. */
  public static List<AlertRow> sortedFrom(
      DashboardState state, ZoneId zone, Predicate<Alert> filter) {
    return state.alerts().stream()
        .filter(filter)
        .map(a -> of(a, state, zone))
        .sorted(AlertOrder.ROWS)
        .toList();
  }

  /** True for alerts that are pending or firing. */
  public static boolean isActive(Alert alert) {
    return alert.state() != AlertState.RESOLVED;
  }

  private static final long MS_PER_SECOND = 1_000;

  /** The alert's id. */
  public String alertId() {
    return alert.id();
  }

  /** True for resolved alerts, shown muted. */
  public boolean isResolved() {
    return !isActive(alert);
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

  /** How long the alert has been in its state, e.g. "firing 3 min 5 s" or "resolved 20 s ago". */
  public String ageText(long nowMs) {
    long seconds = Math.max(0, nowMs - sortTimeMs()) / MS_PER_SECOND;
    return isResolved()
        ? "resolved " + Formats.duration(seconds) + " ago"
        : stateText + " " + Formats.duration(seconds);
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
    String until =
        ack.expiresAtMs() == null ? "" : " until " + Formats.clock(ack.expiresAtMs(), zone);
    return "acknowledged by "
        + ack.by()
        + " at "
        + Formats.clock(ack.atMs(), zone)
        + until
        + comment;
  }

  /** The state, with the marks the relay put on it: silenced, flapping. */
  private static String stateText(Alert alert) {
    StringBuilder text = new StringBuilder(alert.state().name().toLowerCase(Locale.ROOT));
    if (alert.isSilenced()) {
      text.append(" · silenced");
    }
    if (alert.isFlapping()) {
      text.append(" · flapping");
    }
    return text.toString();
  }

  /** When this alert last changed, as far as it says: its change time, else its latest state's. */
  public long changedAtMs() {
    Alert a = alert;
    if (a.changedAtMs() != null) {
      return a.changedAtMs();
    }
    if (a.resolvedAtMs() != null) {
      return a.resolvedAtMs();
    }
    return a.firingAtMs() != null ? a.firingAtMs() : a.startedAtMs();
  }

  /** Who made the last change, or empty when the alert does not say. */
  public String changedByText() {
    return alert.changedBy() == null ? "" : alert.changedBy();
  }

  /** True when an operator may silence it: active and not silenced already. */
  public boolean canSilence() {
    return !isResolved() && !alert.isSilenced();
  }
}
