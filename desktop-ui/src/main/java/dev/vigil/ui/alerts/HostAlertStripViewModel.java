package dev.vigil.ui.alerts;

import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alert strip under a host page's header: that host's pending and firing alerts in {@link
 * AlertOrder}, live, each acknowledgeable through the shared {@link AlertAcknowledger}. Shown only
 * while the host has an active alert.
 */
public final class HostAlertStripViewModel {
  /** Most alerts the strip lists, so that the charts keep their room; the rest are counted. */
  public static final int MAX_SHOWN_ROWS = 4;

  private final DashboardState state;
  private final AlertAcknowledger acknowledger;
  private final ZoneId zone;
  private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
  private final ObservableList<AlertRow> rowsView = FXCollections.unmodifiableObservableList(rows);
  private final ObservableList<AlertRow> shownRows = FXCollections.observableArrayList();
  private final ObservableList<AlertRow> shownRowsView =
      FXCollections.unmodifiableObservableList(shownRows);
  private final ReadOnlyStringWrapper moreText = new ReadOnlyStringWrapper("");
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
    List<AlertRow> active =
        AlertRow.sortedFrom(state, zone, a -> a.hostId().equals(id) && AlertRow.isActive(a));
    int hidden = Math.max(0, active.size() - MAX_SHOWN_ROWS);
    moreText.set(
        hidden == 0
            ? ""
            : "+ "
                + hidden
                + (hidden == 1 ? " more alert" : " more alerts")
                + " on this host, listed on the Alerts page");
    shownRows.setAll(active.subList(0, active.size() - hidden));
    rows.setAll(active);
    shown.set(!rows.isEmpty());
  }

  /** The host's active alerts, most severe first. */
  public ObservableList<AlertRow> rows() {
    return rowsView;
  }

  /** The alerts the strip lists: the first {@link #MAX_SHOWN_ROWS} of {@link #rows()}. */
  public ObservableList<AlertRow> shownRows() {
    return shownRowsView;
  }

  /** E.g. "+ 2 more alerts on this host, listed on the Alerts page"; empty when all are listed. */
  public ReadOnlyStringProperty moreTextProperty() {
    return moreText.getReadOnlyProperty();
  }

  public String getMoreText() {
    return moreText.get();
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
