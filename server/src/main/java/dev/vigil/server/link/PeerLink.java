package dev.vigil.server.link;

/**
 * One connection to a peer, whatever the transport. Sending never blocks and never throws: a
 * message for a closed link is dropped.
 */
public interface PeerLink {
  /** Queues an encoded message. */
  void send(String text);

  /** Starts a clean close with a code and reason (the reason is trimmed to the RFC limit). */
  void close(int code, String reason);

  /** Drops the connection at once, without waiting for the peer to answer the close. */
  void abort(int code, String reason);

  /** True while messages can be sent. */
  boolean isOpen();

  /** Messages queued for sending and not yet written to the socket. */
  int queuedMessages();

  /** The peer's address, for logs. */
  String remoteAddress();
}
