package dev.vigil.ui.alerts;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alerts pane: pending, firing and recently resolved alerts in {@link AlertOrder}, live; a
 * notification when an alert starts firing; acknowledgement through the shared {@link
 * AlertAcknowledger}.
 */
public final class AlertsViewModel {
  private final DashboardState state;
  private final AlertAcknowledger acknowledger;
  private final AlertNotifier notifier;
  private final ZoneId zone;
  private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
  private final javafx.collections.transformation.FilteredList<AlertRow> shown =
      new javafx.collections.transformation.FilteredList<>(rows);
  private final javafx.beans.property.StringProperty searchText =
      new javafx.beans.property.SimpleStringProperty("");
  private final javafx.beans.property.ObjectProperty<dev.vigil.protocol.Severity> severity =
      new javafx.beans.property.SimpleObjectProperty<>();
  private final javafx.beans.property.BooleanProperty activeOnly =
      new javafx.beans.property.SimpleBooleanProperty(false);
  private final javafx.beans.property.ReadOnlyBooleanWrapper canAcknowledge =
      new javafx.beans.property.ReadOnlyBooleanWrapper(true);
  private final javafx.beans.property.ReadOnlyBooleanWrapper canSilence =
      new javafx.beans.property.ReadOnlyBooleanWrapper(true);
  private final ReadOnlyIntegerWrapper activeCount = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper firingCount = new ReadOnlyIntegerWrapper();
  private final Map<String, AlertState> knownStates = new HashMap<>();

  /**
   * @param state the store to show
   * @param acknowledger the shared acknowledge flow
   * @param notifier told when an alert starts firing
   * @param zone the time zone for times of day
   */
  public AlertsViewModel(
      DashboardState state, AlertAcknowledger acknowledger, AlertNotifier notifier, ZoneId zone) {
    this.state = Objects.requireNonNull(state, "state");
    this.acknowledger = Objects.requireNonNull(acknowledger, "acknowledger");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.zone = Objects.requireNonNull(zone, "zone");
    state.addListener(this::stateChanged);
    searchText.addListener((obs, old, now) -> refilter());
    severity.addListener((obs, old, now) -> refilter());
    activeOnly.addListener((obs, old, now) -> refilter());
  }

  /**
   * Keeps alerts of the chosen severity (all when none), only unresolved ones when asked, whose
   * host, rule, sensor or message contain the search text, ignoring case.
   */
  private void refilter() {
    String needle =
        searchText.get() == null ? "" : searchText.get().trim().toLowerCase(java.util.Locale.ROOT);
    dev.vigil.protocol.Severity wanted = severity.get();
    boolean onlyActive = activeOnly.get();
    shown.setPredicate(
        row -> {
          Alert a = row.alert();
          if (wanted != null && a.severity() != wanted) {
            return false;
          }
          if (onlyActive && row.isResolved()) {
            return false;
          }
          String haystack =
              (row.hostText()
                      + " "
                      + a.ruleId()
                      + " "
                      + a.message()
                      + " "
                      + (a.sensorId() == null ? "" : a.sensorId()))
                  .toLowerCase(java.util.Locale.ROOT);
          return needle.isEmpty() || haystack.contains(needle);
        });
  }

  /** True when the operator's role may acknowledge alerts. */
  public javafx.beans.property.ReadOnlyBooleanProperty canAcknowledgeProperty() {
    return canAcknowledge.getReadOnlyProperty();
  }

  /** True when the operator's role may silence alerts. */
  public javafx.beans.property.ReadOnlyBooleanProperty canSilenceProperty() {
    return canSilence.getReadOnlyProperty();
  }

  /** The rows the filters keep, in {@link AlertOrder}. */
  public ObservableList<AlertRow> shownRows() {
    return FXCollections.unmodifiableObservableList(shown);
  }

  /** Text to look for in host, rule, sensor and message; empty keeps all. */
  public javafx.beans.property.StringProperty searchTextProperty() {
    return searchText;
  }

  /** The severity to show; null shows every severity. */
  public javafx.beans.property.ObjectProperty<dev.vigil.protocol.Severity> severityProperty() {
    return severity;
  }

  /** True to hide resolved alerts. */
  public javafx.beans.property.BooleanProperty activeOnlyProperty() {
    return activeOnly;
  }

  /**
   * Asks the relay to acknowledge an alert, through the shared {@link AlertAcknowledger}.
   *
   * @param comment the operator's comment; may be empty
   * @return false when the link is down and nothing was sent
   */
  public boolean acknowledge(String alertId, String comment) {
    return acknowledger.acknowledge(alertId, comment);
  }

  /** The shared acknowledge flow. */
  public AlertAcknowledger acknowledger() {
    return acknowledger;
  }

  private void stateChanged(Changes changes) {
    canAcknowledge.set(state.permissions().canAcknowledge());
    canSilence.set(state.permissions().canSilence());
    for (Alert update : changes.alertUpdates()) {
      AlertState before = knownStates.put(update.id(), update.state());
      if (update.state() == AlertState.FIRING && before != AlertState.FIRING) {
        notifier.alertFiring(AlertRow.of(update, state, zone));
      }
    }
    if (changes.alertsChanged() || changes.resynced() || changes.hostSetChanged()) {
      reload();
    }
  }

  private void reload() {
    knownStates.clear();
    for (Alert alert : state.alerts()) {
      knownStates.put(alert.id(), alert.state());
    }
    List<AlertRow> sorted = AlertRow.sortedFrom(state, zone, a -> true);
    rows.setAll(sorted);
    activeCount.set((int) sorted.stream().filter(r -> !r.isResolved()).count());
    firingCount.set(
        (int) sorted.stream().filter(r -> r.alert().state() == AlertState.FIRING).count());
  }

  /** The rows, in {@link AlertOrder}. */
  public ObservableList<AlertRow> rows() {
    return FXCollections.unmodifiableObservableList(rows);
  }

  /** Pending plus firing alerts. */
  public ReadOnlyIntegerProperty activeCountProperty() {
    return activeCount.getReadOnlyProperty();
  }

  public int getActiveCount() {
    return activeCount.get();
  }

  /** Firing alerts. */
  public ReadOnlyIntegerProperty firingCountProperty() {
    return firingCount.getReadOnlyProperty();
  }

  public int getFiringCount() {
    return firingCount.get();
  }

  /** The outcome of the last acknowledgement. */
  public ReadOnlyStringProperty feedbackProperty() {
    return acknowledger.feedbackProperty();
  }

  public String getFeedback() {
    return acknowledger.getFeedback();
  }
}
