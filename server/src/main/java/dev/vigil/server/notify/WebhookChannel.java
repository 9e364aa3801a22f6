package dev.vigil.server.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** POSTs the notification's JSON to a URL; any 2xx answer is delivered. */
public final class WebhookChannel implements NotificationChannel {
  /** How long one POST may take, connecting included, before it counts as failed. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final WebhookConfig config;
  private final HttpClient client;
  private final Duration timeout;

  /**
   * @param timeout how long one POST may take; {@link #REQUEST_TIMEOUT} outside tests
   */
  public WebhookChannel(String name, WebhookConfig config, HttpClient client, Duration timeout) {
    this.name = name;
    this.config = config;
    this.client = client;
    this.timeout = timeout;
  }

  /** A shared client for the relay's webhooks: connects within {@link #REQUEST_TIMEOUT}. */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .connectTimeout(REQUEST_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public NotificationFilter filter() {
    return config.filter();
  }

  @Override
  public void send(Notification notification) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.url())
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(notification.json(), StandardCharsets.UTF_8));
    for (Map.Entry<String, String> header : config.headers().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    HttpResponse<Void> response =
        client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(config.url() + " answered HTTP " + response.statusCode());
    }
  }
}
