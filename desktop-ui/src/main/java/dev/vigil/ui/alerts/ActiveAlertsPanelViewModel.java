package dev.vigil.ui.alerts;

import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Hosts page's side panel: pending and firing alerts across all hosts, worst severity first
 * ({@link AlertOrder}), with their age; opening a row opens that host's page. The panel can be
 * collapsed; whether it is open is remembered by the application.
 */
public final class ActiveAlertsPanelViewModel {
  private final DashboardState state;
  private final Clock clock;
  private final ZoneId zone;
  private final Consumer<String> openHost;
  private final ObservableList<ActiveAlertItem> items = FXCollections.observableArrayList();
  private final ObservableList<ActiveAlertItem> itemsView =
      FXCollections.unmodifiableObservableList(items);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Active alerts");
  private final ReadOnlyBooleanWrapper open;

  /**
   * @param state the store to show
   * @param clock for the alerts' age
   * @param zone the time zone for times of day
   * @param openHost called with a host id when the operator opens a row
   * @param initiallyOpen whether the panel starts open
   */
  public ActiveAlertsPanelViewModel(
      DashboardState state,
      Clock clock,
      ZoneId zone,
      Consumer<String> openHost,
      boolean initiallyOpen) {
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.openHost = Objects.requireNonNull(openHost, "openHost");
    this.open = new ReadOnlyBooleanWrapper(initiallyOpen);
    state.addListener(this::stateChanged);
  }

  /** Opens the host page of a row's alert. */
  public void open(ActiveAlertItem item) {
    openHost.accept(item.row().alert().hostId());
  }

  /** Opens or collapses the panel. */
  public void setOpen(boolean value) {
    open.set(value);
  }

  /** Collapses an open panel, opens a collapsed one. */
  public void toggleOpen() {
    open.set(!open.get());
  }

  /** Moves the ages along; called once a second. */
  public void tick() {
    long nowMs = clock.millis();
    for (ActiveAlertItem item : items) {
      item.refresh(nowMs);
    }
  }

  private void stateChanged(Changes changes) {
    if (changes.alertsChanged() || changes.resynced() || changes.hostSetChanged()) {
      reload();
    }
  }

  private void reload() {
    long nowMs = clock.millis();
    items.setAll(
        AlertRow.sortedFrom(state, zone, AlertRow::isActive).stream()
            .map(row -> new ActiveAlertItem(row, nowMs))
            .toList());
    title.set(items.isEmpty() ? "Active alerts" : "Active alerts (" + items.size() + ")");
  }

  /** The active alerts, worst severity first. */
  public ObservableList<ActiveAlertItem> items() {
    return itemsView;
  }

  /** E.g. "Active alerts (3)". */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public String getTitle() {
    return title.get();
  }

  /** True while the panel is open. */
  public ReadOnlyBooleanProperty openProperty() {
    return open.getReadOnlyProperty();
  }

  public boolean isOpen() {
    return open.get();
  }
}
