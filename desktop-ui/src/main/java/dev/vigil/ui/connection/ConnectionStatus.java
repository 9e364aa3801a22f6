package dev.vigil.ui.connection;

/**
 * The state of the relay link at one moment.
 *
 * @param phase where the link stands
 * @param detail human detail: the relay id when connected, the reason when reconnecting or failed
 * @param reconnectAtMs when the next attempt starts, epoch milliseconds; 0 unless reconnecting
 */
public record ConnectionStatus(ConnectionPhase phase, String detail, long reconnectAtMs) {

  /** Not connected, and not trying. */
  public static ConnectionStatus disconnected() {
    return new ConnectionStatus(ConnectionPhase.DISCONNECTED, "", 0);
  }

  /** Dialling or waiting for the welcome. */
  public static ConnectionStatus connecting() {
    return new ConnectionStatus(ConnectionPhase.CONNECTING, "", 0);
  }

  /** Welcomed by the relay with this id. */
  public static ConnectionStatus connected(String relayId) {
    return new ConnectionStatus(ConnectionPhase.CONNECTED, relayId, 0);
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
