package dev.vigil.server.notify;

import java.util.List;

/**
 * Every notification channel the relay drives besides the dashboards; each is optional.
 *
 * @param webhooks webhooks, in config order
 * @param email the e-mail channel; null when none
 * @param commands commands, in config order
 */
public record NotificationsConfig(
    List<WebhookConfig> webhooks, EmailConfig email, List<CommandConfig> commands) {

  /** No channel at all: the default. */
  public static final NotificationsConfig NONE =
      new NotificationsConfig(List.of(), null, List.of());

  public NotificationsConfig {
    webhooks = List.copyOf(webhooks);
    commands = List.copyOf(commands);
  }

  /** True when no channel is configured. */
  public boolean isEmpty() {
    return webhooks.isEmpty() && email == null && commands.isEmpty();
  }
}
