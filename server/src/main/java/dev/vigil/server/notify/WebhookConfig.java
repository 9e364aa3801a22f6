package dev.vigil.server.notify;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook: a JSON POST per notified transition.
 *
 * @param url {@code http://} or {@code https://} URL
 * @param headers extra request headers, e.g. an authorization token
 * @param filter what it is told of
 */
public record WebhookConfig(URI url, Map<String, String> headers, NotificationFilter filter) {
  public WebhookConfig {
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(filter, "filter");
  }
}
