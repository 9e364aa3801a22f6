package dev.vigil.server.notify;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/** Builds the channels a {@link NotificationsConfig} names, in config order. */
public final class NotificationChannels {
  private NotificationChannels() {}

  /** Webhooks {@code webhook[i]}, then {@code email}, then commands {@code command[i]}. */
  public static List<NotificationChannel> of(NotificationsConfig config) {
    List<NotificationChannel> channels = new ArrayList<>();
    HttpClient client = config.webhooks().isEmpty() ? null : WebhookChannel.newClient();
    for (int i = 0; i < config.webhooks().size(); i++) {
      channels.add(
          new WebhookChannel(
              "webhook[" + i + "]",
              config.webhooks().get(i),
              client,
              WebhookChannel.REQUEST_TIMEOUT));
    }
    if (config.email() != null) {
      channels.add(new EmailChannel("email", config.email()));
    }
    for (int i = 0; i < config.commands().size(); i++) {
      channels.add(new CommandChannel("command[" + i + "]", config.commands().get(i)));
    }
    return channels;
  }
}
