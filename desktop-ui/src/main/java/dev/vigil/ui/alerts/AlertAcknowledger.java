package dev.vigil.ui.alerts;

import dev.vigil.protocol.Acknowledge;
import dev.vigil.protocol.Result;
import dev.vigil.ui.connection.MessageSender;
import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one acknowledge flow of the dashboard, shared by the alerts pane and the host page's alert
 * strip: sends {@link Acknowledge} to the relay and reports the relay's answer as feedback. Who
 * acknowledged and when shows once the relay pushes the updated alert into the store.
 */
public final class AlertAcknowledger {
  private final MessageSender sender;
  private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
  private final Map<String, String> pendingAcks = new HashMap<>();

  /**
   * @param state the store whose batches carry the relay's results
   * @param sender sends the requests to the relay
   */
  public AlertAcknowledger(DashboardState state, MessageSender sender) {
    this.sender = Objects.requireNonNull(sender, "sender");
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
    for (Result result : changes.results()) {
      if (pendingAcks.remove(result.requestId()) != null) {
        feedback.set(result.ok() ? "Acknowledged" : "Acknowledge failed: " + result.error());
      }
    }
  }

  /** The outcome of the last acknowledgement. */
  public ReadOnlyStringProperty feedbackProperty() {
    return feedback.getReadOnlyProperty();
  }

  public String getFeedback() {
    return feedback.get();
  }
}
