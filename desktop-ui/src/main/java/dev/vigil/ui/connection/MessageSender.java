package dev.vigil.ui.connection;

import dev.vigil.protocol.Message;

/** Sends requests to the relay. */
@FunctionalInterface
public interface MessageSender {
  /**
   * Sends a message if the link is up.
   *
   * @return true when the message was queued on a live link, false when the link is down
   */
  boolean send(Message message);
}
