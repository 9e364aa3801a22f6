package dev.vigil.ui.connection;

import dev.vigil.link.Transport;
import java.util.Objects;

/**
 * The state of the relay link at one moment.
 *
 * @param phase where the link stands
 * @param detail human detail: the relay id when connected, the reason when reconnecting or failed
 * @param reconnectAtMs when the next attempt starts, epoch milliseconds; 0 unless reconnecting
 * @param transport the transport in use, or being tried
 * @param onFallback true when connected over a lower transport because a better one failed (the
 *     client keeps trying the better one in the background)
 */
public record ConnectionStatus(
    ConnectionPhase phase,
    String detail,
    long reconnectAtMs,
    Transport transport,
    boolean onFallback) {
  public ConnectionStatus {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(transport, "transport");
  }

  /** A status over WebSocket, not on a fallback. */
  public ConnectionStatus(ConnectionPhase phase, String detail, long reconnectAtMs) {
    this(phase, detail, reconnectAtMs, Transport.WEBSOCKET, false);
  }

  /** Not connected, and not trying. */
  public static ConnectionStatus disconnected() {
    return new ConnectionStatus(ConnectionPhase.DISCONNECTED, "", 0);
  }

  /** Dialling or waiting for the welcome. */
  public static ConnectionStatus connecting() {
    return new ConnectionStatus(ConnectionPhase.CONNECTING, "", 0);
  }

  /** Welcomed by the relay with this id, over WebSocket. */
  public static ConnectionStatus connected(String relayId) {
    return new ConnectionStatus(ConnectionPhase.CONNECTED, relayId, 0);
  }

  /** Welcomed by the relay with this id over {@code transport}. */
  public static ConnectionStatus connected(
      String relayId, Transport transport, boolean onFallback) {
    return new ConnectionStatus(ConnectionPhase.CONNECTED, relayId, 0, transport, onFallback);
  }

  /** Dialling or waiting for the welcome over {@code transport}. */
  public static ConnectionStatus connecting(Transport transport) {
    return new ConnectionStatus(ConnectionPhase.CONNECTING, "", 0, transport, false);
  }

  /** Lost the link for this reason; the next attempt starts at {@code reconnectAtMs}. */
  public static ConnectionStatus reconnecting(String reason, long reconnectAtMs) {
    return new ConnectionStatus(ConnectionPhase.RECONNECTING, reason, reconnectAtMs);
  }

  /** Refused for this reason; no further attempts. */
  public static ConnectionStatus failed(String reason) {
    return new ConnectionStatus(ConnectionPhase.FAILED, reason, 0);
  }

  /** True when live data is flowing. */
  public boolean isLive() {
    return phase == ConnectionPhase.CONNECTED;
  }
}
