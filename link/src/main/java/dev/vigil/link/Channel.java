package dev.vigil.link;

/**
 * One connection to the relay over one {@link Transport}, dialled or accepted. Every callback goes
 * to the {@link ChannelListener} it was opened with. Sending never blocks.
 */
public interface Channel {
  /** Close code reported when a channel never reached the relay (as Java-WebSocket reports it). */
  int NEVER_CONNECTED = -1;

  /** The transport this channel rides on. */
  Transport transport();

  /**
   * Queues one protocol message.
   *
   * @return false when the channel is not open (the message is dropped)
   */
  boolean send(String text);

  /** Messages queued and not yet taken by the network. */
  int queuedWrites();

  /** True while messages can be sent. */
  boolean isOpen();

  /** Starts a clean close with a code and reason; the listener hears {@code onClosed} later. */
  void close(int code, String reason);

  /** Drops the channel at once, without waiting for the relay to answer. */
  void abort(int code, String reason);

  /**
   * Waits until the channel has closed, whoever closed it.
   *
   * @return true if it closed within the timeout
   */
  boolean awaitClosed(long timeoutMs) throws InterruptedException;

  /** Where the channel goes, for logs. */
  String describe();
}
