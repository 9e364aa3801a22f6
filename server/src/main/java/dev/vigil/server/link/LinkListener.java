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
   * The connection closed.
   *
   * @param byPeer true when the peer started the close (or the connection dropped)
   */
  void onClosed(PeerLink link, int code, String reason, boolean byPeer);
}
