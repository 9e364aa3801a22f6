package dev.vigil.server.notify;

import static dev.vigil.server.support.TestRelays.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.protocol.Severity;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The webhook channel against a real HTTP server on loopback. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WebhookChannelTest {

  @Test
  void postsTheAlertJsonWithTransitionRelayIdAndHeaders() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.answering(n -> 204)) {
      WebhookChannel channel = channel(receiver, Duration.ofSeconds(5));

      channel.send(TestAlerts.notification(TestAlerts.firing("rack-07", Severity.CRITICAL)));

      WebhookReceiver.Received got = receiver.take();
      assertThat(got.headers().get("Content-type")).containsExactly("application/json");
      assertThat(got.headers().get("X-token")).containsExactly("s3cret");
      JsonObject json = JsonParser.parseString(got.body()).getAsJsonObject();
      assertThat(json.get("transition").getAsString()).isEqualTo("firing");
      assertThat(json.get("relayId").getAsString()).isEqualTo("relay-1");
      assertThat(json.get("sentAtMs").getAsLong()).isEqualTo(1_700_000_030_000L);
      JsonObject alert = json.getAsJsonObject("alert");
      assertThat(alert.get("id").getAsString()).isEqualTo("alert-rack-07");
      assertThat(alert.get("state").getAsString()).isEqualTo("firing");
      assertThat(alert.get("severity").getAsString()).isEqualTo("critical");
      assertThat(alert.get("hostId").getAsString()).isEqualTo("rack-07");
    }
  }

  @Test
  void anAnswerOutside2xxIsAFailure() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.answering(n -> 500)) {
      WebhookChannel channel = channel(receiver, Duration.ofSeconds(5));

      assertThatThrownBy(
              () ->
                  channel.send(
                      TestAlerts.notification(TestAlerts.firing("rack-07", Severity.CRITICAL))))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("HTTP 500");
    }
  }

  @Test
  void aReceiverThatDoesNotAnswerTimesOut() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.hanging()) {
      WebhookChannel channel = channel(receiver, Duration.ofMillis(300));

      assertThatThrownBy(
              () ->
                  channel.send(
                      TestAlerts.notification(TestAlerts.firing("rack-07", Severity.CRITICAL))))
          .isInstanceOf(HttpTimeoutException.class);
    }
  }

  @Test
  void twoFailuresThenSuccessIsSentOnTheThirdAttemptWithTwoRetriesCounted() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.answering(n -> n <= 2 ? 500 : 200);
        NotificationDispatcher dispatcher =
            TestAlerts.dispatcher(
                List.of(channel(receiver, Duration.ofSeconds(5))),
                new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(100)),
                10)) {

      dispatcher.offer(TestAlerts.firing("rack-07", Severity.CRITICAL));

      awaitTrue("sent", () -> dispatcher.stats().channel("webhook[0]").sent() == 1);
      assertThat(receiver.requests.get()).isEqualTo(3);
      assertThat(dispatcher.stats().channel("webhook[0]"))
          .isEqualTo(new ChannelStats(1, 0, 0, 2, 0));
      assertThat(dispatcher.stats().queued()).isZero();
    }
  }

  private static WebhookChannel channel(WebhookReceiver receiver, Duration timeout) {
    return new WebhookChannel(
        "webhook[0]",
        new WebhookConfig(receiver.url(), Map.of("X-Token", "s3cret"), NotificationFilter.ALL),
        WebhookChannel.newClient(),
        timeout);
  }
}
