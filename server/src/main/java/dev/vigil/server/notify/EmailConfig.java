package dev.vigil.server.notify;

import java.util.List;
import java.util.Objects;

/**
 * E-mail over SMTP: one plain-text mail per notified transition.
 *
 * @param host SMTP server
 * @param port SMTP port
 * @param from sender address
 * @param to recipients, at least one
 * @param username SMTP login; null to send without authentication
 * @param password SMTP password; null when {@code username} is
 * @param startTls whether to require STARTTLS before sending
 * @param filter what it is told of
 */
public record EmailConfig(
    String host,
    int port,
    String from,
    List<String> to,
    String username,
    String password,
    boolean startTls,
    NotificationFilter filter) {

  /** The port when the config names none: plain SMTP. */
  public static final int DEFAULT_PORT = 25;

  public EmailConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("'to' needs at least one recipient");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is outside 1 to 65535");
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("username and password go together");
    }
    Objects.requireNonNull(filter, "filter");
  }
}
