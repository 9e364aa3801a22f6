package dev.vigil.ui.connection;

import dev.vigil.link.Transport;
import dev.vigil.ui.format.Formats;
import dev.vigil.ui.state.DashboardState;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The always-visible connection bar: relay URL, link state, transport, round-trip time, reconnect
 * countdown and time since the last update; and the connect settings (relay URL and token).
 */
public final class ConnectionBarViewModel {
  private static final long MS_PER_SECOND = 1_000;

  private final DashboardState state;
  private final Clock clock;
  private final BiConsumer<String, String> reconnect;
  private final ReadOnlyStringWrapper relayUrl = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<ConnectionPhase> phase =
      new ReadOnlyObjectWrapper<>(ConnectionPhase.DISCONNECTED);
  private final ReadOnlyStringWrapper transportText =
      new ReadOnlyStringWrapper(Transport.WEBSOCKET.displayName());
  private final ReadOnlyStringWrapper roundTripText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper lastUpdateText = new ReadOnlyStringWrapper("");
  private String token = "";

  /**
   * @param state the store whose link state to show
   * @param clock for countdowns and "ago"
   * @param reconnect called with a new relay URL and token when the operator changes them
   */
  public ConnectionBarViewModel(
      DashboardState state, Clock clock, BiConsumer<String, String> reconnect) {
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
    state.addListener(changes -> refresh());
    refresh();
  }

  /** Sets the relay URL and token in use (without reconnecting). */
  public void setTarget(String url, String newToken) {
    relayUrl.set(url);
    token = newToken == null ? "" : newToken;
  }

  /**
   * Switches to another relay or token, if the URL is usable.
   *
   * @return the problem with the URL, or empty when the switch is under way
   */
  public Optional<String> connectTo(String url, String newToken) {
    Optional<String> problem = RelayEndpoint.problemWith(url);
    if (problem.isPresent()) {
      return problem;
    }
    setTarget(url.trim(), newToken == null ? "" : newToken.trim());
    reconnect.accept(relayUrl.get(), token);
    return Optional.empty();
  }

  /** Refreshes every text; called on state changes and once a second. */
  public void refresh() {
    ConnectionStatus status = state.connection();
    long nowMs = clock.millis();
    phase.set(status.phase());
    transportText.set(transportText(status));
    stateText.set(
        switch (status.phase()) {
          case DISCONNECTED -> "disconnected";
          case CONNECTING -> "connecting…";
          case CONNECTED -> "connected";
          case RECONNECTING ->
              "reconnecting in "
                  + secondsUntil(status.reconnectAtMs(), nowMs)
                  + " s ("
                  + status.detail()
                  + ")";
          case FAILED -> "failed: " + status.detail();
        });
    roundTripText.set(
        state.roundTripMs().isPresent()
            ? "RTT " + state.roundTripMs().getAsLong() + " ms"
            : "RTT —");
    long lastMs = state.lastUpdateMs();
    lastUpdateText.set(lastMs == 0 ? "no update yet" : "last update " + Formats.ago(lastMs, nowMs));
  }

  /** The transport in use, and when it is a fallback, that the better one is being retried. */
  static String transportText(ConnectionStatus status) {
    String name = status.transport().displayName();
    if (status.isLive() && status.onFallback()) {
      return name + " (WebSocket blocked; retrying in the background)";
    }
    return name;
  }

  private static long secondsUntil(long atMs, long nowMs) {
    return Math.max(0, (atMs - nowMs + MS_PER_SECOND - 1) / MS_PER_SECOND);
  }

  public ReadOnlyStringProperty relayUrlProperty() {
    return relayUrl.getReadOnlyProperty();
  }

  public String getRelayUrl() {
    return relayUrl.get();
  }

  /** The operator token in use, for the settings dialog. */
  public String getToken() {
    return token;
  }

  public ReadOnlyStringProperty stateTextProperty() {
    return stateText.getReadOnlyProperty();
  }

  public String getStateText() {
    return stateText.get();
  }

  public ReadOnlyObjectProperty<ConnectionPhase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  public ConnectionPhase getPhase() {
    return phase.get();
  }

  public ReadOnlyStringProperty transportTextProperty() {
    return transportText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty roundTripTextProperty() {
    return roundTripText.getReadOnlyProperty();
  }

  public String getRoundTripText() {
    return roundTripText.get();
  }

  public ReadOnlyStringProperty lastUpdateTextProperty() {
    return lastUpdateText.getReadOnlyProperty();
  }

  public String getLastUpdateText() {
    return lastUpdateText.get();
  }
}
