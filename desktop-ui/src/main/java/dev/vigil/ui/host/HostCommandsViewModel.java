package dev.vigil.ui.host;

import dev.vigil.protocol.Command;
import dev.vigil.protocol.CommandAction;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.Result;
import dev.vigil.ui.connection.MessageSender;
import dev.vigil.ui.state.Changes;
import dev.vigil.ui.state.DashboardState;
import dev.vigil.ui.state.HostModel;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Commands to the shown host's agent through the relay: ping it, have it send its inventory now, or
 * change how often it samples. Sends {@link Command} and reports the agent's (or the relay's)
 * {@link Result} as feedback. FX thread only; touches no nodes.
 */
public final class HostCommandsViewModel {
  /** Sampling intervals the page offers, in seconds. */
  public static final List<Integer> SAMPLE_INTERVALS_S = List.of(1, 2, 5, 10, 30, 60);

  private record Sent(CommandAction action, Long intervalMs, long sentAtMs) {}

  private final DashboardState state;
  private final MessageSender sender;
  private final Clock clock;
  private final Map<String, Sent> pending = new HashMap<>();
  private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
  private String hostId;

  /**
   * @param state the store whose batches carry the results
   * @param sender sends commands to the relay
   * @param clock for round-trip times
   */
  public HostCommandsViewModel(DashboardState state, MessageSender sender, Clock clock) {
    this.state = Objects.requireNonNull(state, "state");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.clock = Objects.requireNonNull(clock, "clock");
    state.addListener(this::stateChanged);
  }

  /** Commands go to this host from now on. */
  public void showHost(String id) {
    hostId = id;
    feedback.set("");
    updateAvailable();
  }

  /** Asks the agent to answer at once; the feedback gives the round trip. */
  public void ping() {
    send(CommandAction.PING, null);
  }

  /** Asks the agent to scan its devices and send its inventory now. */
  public void refreshInventory() {
    send(CommandAction.REFRESH_INVENTORY, null);
  }

  /** Asks the agent to sample every {@code seconds} from now on. */
  public void setSampleInterval(int seconds) {
    send(CommandAction.SET_SAMPLE_INTERVAL, seconds * 1_000L);
  }

  private void send(CommandAction action, Long intervalMs) {
    if (hostId == null) {
      return;
    }
    String requestId = UUID.randomUUID().toString();
    if (!sender.send(new Command(requestId, hostId, action, intervalMs))) {
      feedback.set("Not connected to the relay: " + describe(action, intervalMs) + " not sent");
      return;
    }
    pending.put(requestId, new Sent(action, intervalMs, clock.millis()));
    feedback.set(describe(action, intervalMs) + "…");
  }

  private void stateChanged(Changes changes) {
    for (Result result : changes.results()) {
      Sent sent = pending.remove(result.requestId());
      if (sent != null) {
        feedback.set(outcome(sent, result));
      }
    }
    if (hostId != null
        && (changes.touches(hostId) || changes.hostSetChanged() || changes.connectionChanged())) {
      updateAvailable();
    }
  }

  private String outcome(Sent sent, Result result) {
    if (!result.ok()) {
      return describe(sent.action(), sent.intervalMs()) + " failed: " + result.error();
    }
    return switch (sent.action()) {
      case PING -> "Agent answered in " + (clock.millis() - sent.sentAtMs()) + " ms";
      case REFRESH_INVENTORY -> "Inventory refreshed";
      case SET_SAMPLE_INTERVAL -> "Sampling every " + sent.intervalMs() / 1_000 + " s";
    };
  }

  private static String describe(CommandAction action, Long intervalMs) {
    return switch (action) {
      case PING -> "Ping";
      case REFRESH_INVENTORY -> "Inventory refresh";
      case SET_SAMPLE_INTERVAL -> "Sampling every " + intervalMs / 1_000 + " s";
    };
  }

  private void updateAvailable() {
    HostModel host = hostId == null ? null : state.host(hostId).orElse(null);
    available.set(
        host != null
            && host.status().state() != HostState.OFFLINE
            && state.permissions().canCommand());
  }

  /** The outcome of the last command. */
  public ReadOnlyStringProperty feedbackProperty() {
    return feedback.getReadOnlyProperty();
  }

  public String getFeedback() {
    return feedback.get();
  }

  /** True when the host's agent is connected, so commands can reach it. */
  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  public boolean isAvailable() {
    return available.get();
  }
}
