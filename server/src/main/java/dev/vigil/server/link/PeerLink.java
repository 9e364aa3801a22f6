package dev.vigil.server.link;

import dev.vigil.protocol.Role;

/**
 * One connection to a peer, whatever the transport. Sending never blocks and never throws: a
 * message for a closed link is dropped.
 */
public interface PeerLink {
  /** Queues an encoded message. */
  void send(String text);

  /**
   * Queues every message of a sealed batch, in order. Transports that can should write them in one
   * go; this default sends them one by one.
   */
  default void send(FrameBatch batch) {
    for (String text : batch.texts()) {
      send(text);
    }
  }

  /** Starts a clean close with a code and reason (the reason is trimmed to the RFC limit). */
  void close(int code, String reason);

  /** Drops the connection at once, without waiting for the peer to answer the close. */
  void abort(int code, String reason);

  /** True while messages can be sent. */
  boolean isOpen();

  /**
   * Writes queued and not yet taken by the socket: a single message or a whole {@link FrameBatch}
   * counts as one.
   */
  int queuedWrites();

  /** Bytes waiting in this link's send queue, not yet written to the socket; 0 when unknown. */
  default long queuedBytes() {
    return 0;
  }

  /**
   * The relay accepted this peer's hello as {@code role} {@code name} and sent its welcome. Called
   * on the relay's core thread; must not block. A transport that dialled the peer resets its
   * backoff.
   */
  default void welcomed(Role role, String name) {}

  /** The peer's address, for logs. */
  String remoteAddress();
}
