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
  private final DashboardState state;
  private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
  private final Map<String, String> pendingAcks = new HashMap<>();
  private final Map<String, String> pendingSilences = new HashMap<>();
  private final java.time.Clock clock;

  /**
   * @param state the store whose batches carry the relay's results
   * @param sender sends the requests to the relay
   */
  public AlertAcknowledger(DashboardState state, MessageSender sender) {
    this(state, sender, java.time.Clock.systemUTC());
  }

  /** As above, with the clock that expiry and silence durations count from. */
  public AlertAcknowledger(DashboardState state, MessageSender sender, java.time.Clock clock) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    state.addListener(this::stateChanged);
  }

  /**
   * Asks the relay to acknowledge an alert until {@code forMs} from now (0: for good).
   *
   * @return false when the role does not allow it or the link is down, and nothing was sent
   */
  public boolean acknowledge(String alertId, String comment, long forMs) {
    if (!state.permissions().canAcknowledge()) {
      feedback.set("Your role (" + state.permissions().role() + ") may not acknowledge alerts");
      return false;
    }
    String requestId = UUID.randomUUID().toString();
    String text = comment == null ? "" : comment.trim();
    Long expiresAtMs = forMs > 0 ? clock.millis() + forMs : null;
    if (!sender.send(new Acknowledge(requestId, alertId, text, expiresAtMs))) {
      feedback.set("Not connected to the relay: acknowledgement not sent");
      return false;
    }
    pendingAcks.put(requestId, alertId);
    feedback.set("Acknowledging…");
    return true;
  }

  /**
   * Asks the relay to silence alerts like {@code row}'s (same host, sensor and rule) for {@code
   * forMs}.
   *
   * @return false when the role does not allow it or the link is down, and nothing was sent
   */
  public boolean silence(AlertRow row, long forMs, String comment) {
    if (!state.permissions().canSilence()) {
      feedback.set("Your role (" + state.permissions().role() + ") may not silence alerts");
      return false;
    }
    if (forMs <= 0) {
      throw new IllegalArgumentException("a silence needs a positive duration, got " + forMs);
    }
    String requestId = UUID.randomUUID().toString();
    dev.vigil.protocol.Alert a = row.alert();
    dev.vigil.protocol.Silence silence =
        new dev.vigil.protocol.Silence(
            null,
            a.hostId(),
            a.sensorId(),
            a.ruleId(),
            comment == null ? "" : comment.trim(),
            clock.millis() + forMs,
            null,
            null);
    if (!sender.send(new dev.vigil.protocol.SilencePut(requestId, silence))) {
      feedback.set("Not connected to the relay: silence not sent");
      return false;
    }
    pendingSilences.put(requestId, a.id());
    feedback.set("Silencing…");
    return true;
  }

  /**
   * Asks the relay to acknowledge an alert.
   *
   * @param comment the operator's comment; may be empty
   * @return false when the link is down and nothing was sent
   */
  public boolean acknowledge(String alertId, String comment) {
    return acknowledge(alertId, comment, 0);
  }

  private void stateChanged(Changes changes) {
    for (Result result : changes.results()) {
      if (pendingAcks.remove(result.requestId()) != null) {
        feedback.set(result.ok() ? "Acknowledged" : "Acknowledge failed: " + result.error());
      } else if (pendingSilences.remove(result.requestId()) != null) {
        feedback.set(result.ok() ? "Silenced" : "Silence failed: " + result.error());
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
