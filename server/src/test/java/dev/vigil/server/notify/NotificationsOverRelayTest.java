package dev.vigil.server.notify;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.awaitTrue;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.sample;
import static dev.vigil.server.support.TestRelays.temperatureCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.protocol.Acknowledge;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real relay with a threshold rule notifying a real webhook receiver and SMTP server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NotificationsOverRelayTest {
  private static final AlertRule HOT =
      AlertRule.above("test-hot", "test.temp", 50, 45, Duration.ZERO, Severity.CRITICAL);

  @TempDir Path dataDir;
  private GreenMail smtp;
  private WebhookReceiver receiver;
  private Relay relay;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stopAll() {
    if (relay != null) {
      relay.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    smtp.stop();
  }

  @Test
  void aFiringAlertReachesTheWebhookAndTheMailbox() throws Exception {
    receiver = WebhookReceiver.answering(n -> 200);
    relay = start(NotificationFilter.ALL);
    ProtocolTestClient agent = agent("hot-1");

    agent.send(sample("hot-1", "test.temp", 60.0));

    JsonObject hook = JsonParser.parseString(receiver.take().body()).getAsJsonObject();
    assertThat(hook.get("transition").getAsString()).isEqualTo("firing");
    assertThat(hook.get("relayId").getAsString()).isEqualTo(relay.relayId());
    assertThat(hook.getAsJsonObject("alert").get("hostId").getAsString()).isEqualTo("hot-1");
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(smtp.getReceivedMessages()[0].getSubject())
        .isEqualTo("[Vigil] CRITICAL firing: test-hot on hot-1-name");
    assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
        .isEqualTo("ops@example.test");
  }

  @Test
  void healthShowsEachChannelsCounts() throws Exception {
    receiver = WebhookReceiver.answering(n -> 200);
    relay = start(NotificationFilter.ALL);
    ProtocolTestClient agent = agent("hot-1");
    agent.send(sample("hot-1", "test.temp", 60.0));
    receiver.take();
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();

    awaitTrue("both counted as sent", () -> sent(health(), "webhook[0]") == 1);
    awaitTrue("email counted as sent", () -> sent(health(), "email") == 1);

    JsonObject notifications = health().getAsJsonObject("notifications");
    assertThat(notifications.get("queued").getAsInt()).isZero();
    assertThat(notifications.getAsJsonObject("channels").getAsJsonObject("webhook[0]").keySet())
        .containsExactlyInAnyOrder("sent", "failed", "retrying", "retries", "dropped");
  }

  @Test
  void aHangingWebhookDoesNotDelayTheDashboard() throws Exception {
    receiver = WebhookReceiver.hanging();
    relay = start(NotificationFilter.ALL);
    ProtocolTestClient dashboard = dashboard();
    ProtocolTestClient first = agent("hot-1");
    first.send(sample("hot-1", "test.temp", 60.0));
    receiver.take();
    ProtocolTestClient second = agent("hot-2");

    second.send(sample("hot-2", "test.temp", 60.0));

    Alert seen =
        dashboard.awaitMessage(
            Alert.class, a -> a.hostId().equals("hot-2") && a.state() == AlertState.FIRING, WAIT);
    assertThat(seen.hostId()).isEqualTo("hot-2");
    assertThat(receiver.answered.get()).as("webhook still hanging").isZero();
  }

  @Test
  void anAcknowledgementIsNotifiedToChannelsThatAskForIt() throws Exception {
    receiver = WebhookReceiver.answering(n -> 200);
    relay =
        start(
            new NotificationFilter(
                Severity.INFO, null, EnumSet.of(Transition.FIRING, Transition.ACKNOWLEDGED)));
    ProtocolTestClient dashboard = dashboard();
    ProtocolTestClient agent = agent("hot-1");
    agent.send(sample("hot-1", "test.temp", 60.0));
    Alert firing = dashboard.awaitMessage(Alert.class, a -> a.state() == AlertState.FIRING, WAIT);
    receiver.take();

    dashboard.send(new Acknowledge("ack-1", firing.id(), "on it"));
    dashboard.awaitMessage(Result.class, WAIT);

    JsonObject hook = JsonParser.parseString(receiver.take().body()).getAsJsonObject();
    assertThat(hook.get("transition").getAsString()).isEqualTo("acknowledged");
    assertThat(hook.getAsJsonObject("alert").getAsJsonObject("ack").get("by").getAsString())
        .isEqualTo("alice");
  }

  @Test
  void aNotificationUndeliveredWhenTheRelayStopsIsDeliveredAfterItsRestart() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean();
    receiver = WebhookReceiver.answering(n -> up.get() ? 200 : 503);
    relay = start(NotificationFilter.ALL);
    agent("hot-1").send(sample("hot-1", "test.temp", 60.0));
    receiver.take(); // the first attempt, refused: the delivery now waits to be retried

    relay.close();
    relay = null;
    assertThat(dataDir.resolve(PendingNotifications.FILE)).exists();
    up.set(true);
    receiver.received.clear();
    relay = start(NotificationFilter.ALL);

    JsonObject hook = JsonParser.parseString(receiver.take().body()).getAsJsonObject();
    assertThat(hook.get("transition").getAsString()).isEqualTo("firing");
    assertThat(hook.getAsJsonObject("alert").get("hostId").getAsString()).isEqualTo("hot-1");
    awaitTrue(
        "the delivered notification off disk",
        () -> !java.nio.file.Files.exists(dataDir.resolve(PendingNotifications.FILE)));
    awaitTrue("counted as sent", () -> sent(health(), "webhook[0]") == 1);
  }

  private Relay start(NotificationFilter webhookFilter) throws Exception {
    NotificationsConfig notifications =
        new NotificationsConfig(
            List.of(new WebhookConfig(receiver.url(), Map.of(), webhookFilter)),
            new EmailConfig(
                "127.0.0.1",
                smtp.getSmtp().getPort(),
                "vigil@example.test",
                List.of("ops@example.test"),
                null,
                null,
                false,
                NotificationFilter.ALL),
            List.of());
    RelayConfig config =
        TestRelays.config(dataDir).withRules(List.of(HOT)).withNotifications(notifications);
    return Relay.start(config);
  }

  private ProtocolTestClient dashboard() throws InterruptedException {
    ProtocolTestClient client =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    client.awaitMessage(Snapshot.class, WAIT);
    return client;
  }

  private ProtocolTestClient agent(String hostId) throws InterruptedException {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello(hostId));
    client.awaitMessage(Welcome.class, WAIT);
    client.send(temperatureCatalog(hostId));
    return client;
  }

  private JsonObject health() {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + relay.httpPort() + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return JsonParser.parseString(response.body()).getAsJsonObject();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static long sent(JsonObject health, String channel) {
    JsonObject channels = health.getAsJsonObject("notifications").getAsJsonObject("channels");
    return channels.has(channel) ? channels.getAsJsonObject(channel).get("sent").getAsLong() : 0;
  }
}
