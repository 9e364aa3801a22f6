package dev.vigil.server.notify;

/** One way of telling people about an alert. Called from the dispatcher's threads only. */
public interface NotificationChannel {
  /** A name unique among the relay's channels, used in logs and stats: {@code webhook[0]}. */
  String name();

  /** Which transitions it is told of. */
  NotificationFilter filter();

  /**
   * Delivers one notification, blocking at most the channel's own timeout.
   *
   * @throws Exception when it was not delivered; the dispatcher retries it
   */
  void send(Notification notification) throws Exception;
}
