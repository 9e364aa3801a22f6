package dev.vigil.server.link;

import dev.vigil.protocol.Envelope;

/**
 * What a transport reports to the relay. Called on transport threads; implementations hand off at
 * once and never block.
 */
public interface LinkListener {
  /** A connection opened; nothing has been received yet. */
  void onOpen(PeerLink link);

  /** A message decoded and validated. */
  void onMessage(PeerLink link, Envelope envelope);

  /** A message could not be accepted (decode failure, binary frame): close with this code. */
  void onRejected(PeerLink link, int closeCode, String reason);

  /**
   * The peer sent a close frame with {@code code}. Java-WebSocket may report the connection's end
   * as abnormal (1006) when the socket closes before its worker finished the close handshake; this
   * carries the code the peer really sent, possibly after {@link #onClosed}.
   */
  void onPeerCloseFrame(PeerLink link, int code);

  /**
   * The connection closed.
   *
   * @param byPeer true when the peer started the close (or the connection dropped)
   */
  void onClosed(PeerLink link, int code, String reason, boolean byPeer);
}
