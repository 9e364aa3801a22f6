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
  private final ObservableList<AlertRow> history = FXCollections.observableArrayList();
  private final javafx.collections.transformation.FilteredList<AlertRow> shownHistory =
      new javafx.collections.transformation.FilteredList<>(history);
  private final javafx.beans.property.ReadOnlyStringWrapper historyText =
      new javafx.beans.property.ReadOnlyStringWrapper("");
  private dev.vigil.ui.history.HistorySource historySource;
  private java.util.concurrent.Executor uiThread = Runnable::run;
  private int historyGeneration;

  /** How far back the alert history reaches, in milliseconds. */
  public static final long HISTORY_SPAN_MS = 7 * 24 * 3_600_000L;

  /** Most alert transitions listed in the history. */
  public static final int HISTORY_LIMIT = 2_000;

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
    java.util.function.Predicate<AlertRow> keep =
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
        };
    shown.setPredicate(keep);
    shownHistory.setPredicate(keep);
  }

  /** True when the operator's role may acknowledge alerts. */
  public javafx.beans.property.ReadOnlyBooleanProperty canAcknowledgeProperty() {
    return canAcknowledge.getReadOnlyProperty();
  }

  /** True when the operator's role may silence alerts. */
  public javafx.beans.property.ReadOnlyBooleanProperty canSilenceProperty() {
    return canSilence.getReadOnlyProperty();
  }

  /** Where the history of alert transitions comes from; answers are applied on {@code onUi}. */
  public void useHistory(
      dev.vigil.ui.history.HistorySource source, java.util.concurrent.Executor onUi) {
    this.historySource = Objects.requireNonNull(source, "source");
    this.uiThread = Objects.requireNonNull(onUi, "onUi");
  }

  /**
   * Asks the relay's history for the alert transitions of the last {@link #HISTORY_SPAN_MS}, newest
   * first; the filters apply to them too.
   */
  public void loadHistory(long nowMs) {
    if (historySource == null) {
      historyText.set("no history: not connected to a relay's history");
      return;
    }
    int generation = ++historyGeneration;
    historyText.set("loading the last 7 days of alert changes…");
    historySource
        .alertTransitions(nowMs - HISTORY_SPAN_MS, nowMs, HISTORY_LIMIT)
        .whenComplete(
            (alerts, error) ->
                uiThread.execute(
                    () -> {
                      if (generation != historyGeneration) {
                        return;
                      }
                      if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        historyText.set(String.valueOf(cause.getMessage()));
                        return;
                      }
                      history.setAll(
                          alerts.stream().map(a -> AlertRow.of(a, state, zone)).toList());
                      historyText.set(
                          alerts.size()
                              + " changes in the last 7 days"
                              + (alerts.size() >= HISTORY_LIMIT
                                  ? " (the newest " + HISTORY_LIMIT + ")"
                                  : ""));
                    }));
  }

  /** Stored alert transitions the filters keep, newest first. */
  public ObservableList<AlertRow> shownHistory() {
    return FXCollections.unmodifiableObservableList(shownHistory);
  }

  /** Loading, failure or size of the alert history. */
  public javafx.beans.property.ReadOnlyStringProperty historyTextProperty() {
    return historyText.getReadOnlyProperty();
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
