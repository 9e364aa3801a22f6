package dev.vigil.ui.alerts;

import dev.vigil.protocol.Acknowledge;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Result;
import dev.vigil.ui.connection.MessageSender;
import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.state.HostModel;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alerts pane: pending, firing and recently resolved alerts in {@link AlertOrder}, live; a
 * notification when an alert starts firing; acknowledgement sent to the relay, whose answer shows
 * who acknowledged and when.
 */
public final class AlertsViewModel {
  private final DashboardState state;
  private final MessageSender sender;
  private final AlertNotifier notifier;
  private final ZoneId zone;
  private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyIntegerWrapper activeCount = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper firingCount = new ReadOnlyIntegerWrapper();
  private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
  private final Map<String, AlertState> knownStates = new HashMap<>();
  private final Map<String, String> pendingAcks = new HashMap<>();

  /**
   * @param state the store to show
   * @param sender sends acknowledgements to the relay
   * @param notifier told when an alert starts firing
   * @param zone the time zone for times of day
   */
  public AlertsViewModel(
      DashboardState state, MessageSender sender, AlertNotifier notifier, ZoneId zone) {
    this.state = Objects.requireNonNull(state, "state");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.zone = Objects.requireNonNull(zone, "zone");
    state.addListener(this::stateChanged);
  }

  /**
   * Asks the relay to acknowledge an alert.
   *
   * @param comment the operator's comment; may be empty
   * @return false when the link is down and nothing was sent
   */
  public boolean acknowledge(String alertId, String comment) {
    String requestId = UUID.randomUUID().toString();
    String text = comment == null ? "" : comment.trim();
    if (!sender.send(new Acknowledge(requestId, alertId, text))) {
      feedback.set("Not connected to the relay: acknowledgement not sent");
      return false;
    }
    pendingAcks.put(requestId, alertId);
    feedback.set("Acknowledging…");
    return true;
  }

  private void stateChanged(Changes changes) {
    for (Alert update : changes.alertUpdates()) {
      AlertState before = knownStates.put(update.id(), update.state());
      if (update.state() == AlertState.FIRING && before != AlertState.FIRING) {
        notifier.alertFiring(AlertRow.of(update, isSimulated(update.hostId()), zone));
      }
    }
    for (Result result : changes.results()) {
      String alertId = pendingAcks.remove(result.requestId());
      if (alertId != null) {
        feedback.set(result.ok() ? "Acknowledged" : "Acknowledge failed: " + result.error());
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
    List<AlertRow> sorted =
        state.alerts().stream()
            .map(a -> AlertRow.of(a, isSimulated(a.hostId()), zone))
            .sorted(AlertOrder.ROWS)
            .toList();
    rows.setAll(sorted);
    activeCount.set((int) sorted.stream().filter(r -> !r.isResolved()).count());
    firingCount.set(
        (int) sorted.stream().filter(r -> r.alert().state() == AlertState.FIRING).count());
  }

  private boolean isSimulated(String hostId) {
    return state.host(hostId).map(HostModel::status).map(s -> s.simulated()).orElse(false);
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
    return feedback.getReadOnlyProperty();
  }

  public String getFeedback() {
    return feedback.get();
  }
}
