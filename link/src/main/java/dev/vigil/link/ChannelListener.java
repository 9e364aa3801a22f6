package dev.vigil.link;

/**
 * What a {@link Channel} reports. Called on the channel's own threads; implementations hand off and
 * return quickly.
 */
public interface ChannelListener {
  /** The channel can carry messages; nothing has been received yet. */
  void onOpen(Channel channel);

  /** One protocol message arrived, as text. */
  void onText(Channel channel, String text);

  /**
   * The channel ended. Called once per opened or failed channel.
   *
   * @param code the close code ({@link Channel#NEVER_CONNECTED} when it never reached the relay)
   * @param remote true when the relay or the network ended it
   */
  void onClosed(Channel channel, int code, String reason, boolean remote);
}
