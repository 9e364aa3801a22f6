package dev.vigil.ui.alerts;

import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneId;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alert strip under a host page's header: that host's pending and firing alerts in {@link
 * AlertOrder}, live, each acknowledgeable through the shared {@link AlertAcknowledger}. Shown only
 * while the host has an active alert.
 */
public final class HostAlertStripViewModel {
  private final DashboardState state;
  private final AlertAcknowledger acknowledger;
  private final ZoneId zone;
  private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
  private final ObservableList<AlertRow> rowsView = FXCollections.unmodifiableObservableList(rows);
  private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
  private String hostId;

  /**
   * @param state the store to show
   * @param acknowledger the shared acknowledge flow
   * @param zone the time zone for times of day
   */
  public HostAlertStripViewModel(
      DashboardState state, AlertAcknowledger acknowledger, ZoneId zone) {
    this.state = Objects.requireNonNull(state, "state");
    this.acknowledger = Objects.requireNonNull(acknowledger, "acknowledger");
    this.zone = Objects.requireNonNull(zone, "zone");
    state.addListener(this::stateChanged);
  }

  /** Shows the alerts of one host. */
  public void showHost(String id) {
    hostId = Objects.requireNonNull(id, "id");
    reload();
  }

  /**
   * Asks the relay to acknowledge one of the strip's alerts.
   *
   * @return false when the link is down and nothing was sent
   */
  public boolean acknowledge(String alertId, String comment) {
    return acknowledger.acknowledge(alertId, comment);
  }

  private void stateChanged(Changes changes) {
    if (hostId != null
        && (changes.alertsChanged() || changes.resynced() || changes.hostSetChanged())) {
      reload();
    }
  }

  private void reload() {
    String id = hostId;
    rows.setAll(
        AlertRow.sortedFrom(state, zone, a -> a.hostId().equals(id) && AlertRow.isActive(a)));
    shown.set(!rows.isEmpty());
  }

  /** The host's active alerts, most severe first. */
  public ObservableList<AlertRow> rows() {
    return rowsView;
  }

  /** True while the host has a pending or firing alert. */
  public ReadOnlyBooleanProperty shownProperty() {
    return shown.getReadOnlyProperty();
  }

  public boolean isShown() {
    return shown.get();
  }

  /** The shared acknowledge flow, for the Acknowledge buttons. */
  public AlertAcknowledger acknowledger() {
    return acknowledger;
  }
}
