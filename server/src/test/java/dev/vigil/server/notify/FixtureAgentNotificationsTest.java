package dev.vigil.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.agent.Agent;
import dev.vigil.agent.AgentConfig;
import dev.vigil.protocol.Severity;
import dev.vigil.server.Relay;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.support.SysfsFixture;
import dev.vigil.server.support.TestRelays;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way on real parts: the real agent reads a fixture sysfs, its CPU temperature rises past
 * a rule's threshold, the relay fires the alert and notifies a webhook receiver and an SMTP server.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class FixtureAgentNotificationsTest {
  private static final String CPU_TEMP = "cpu.package.temperature";
  private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(200);

  @TempDir Path tmp;
  private GreenMail smtp;
  private WebhookReceiver receiver;
  private Relay relay;
  private Agent agent;

  @AfterEach
  void stopAll() {
    if (agent != null) {
      agent.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aHotFixtureCpuReachesTheWebhookAndTheMailboxAsAFiringAlert() throws Exception {
    SysfsFixture fixture = SysfsFixture.install(SysfsFixture.E2E);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    receiver = WebhookReceiver.answering(n -> 200);
    NotificationsConfig notifications =
        new NotificationsConfig(
            List.of(new WebhookConfig(receiver.url(), Map.of(), NotificationFilter.ALL)),
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
    relay =
        Relay.start(
            TestRelays.config(tmp.resolve("relay"))
                .withRules(
                    List.of(
                        AlertRule.above(
                            CPU_TEMP, CPU_TEMP, 85, 80, Duration.ZERO, Severity.CRITICAL)))
                .withNotifications(notifications));
    agent =
        Agent.start(
            AgentConfig.defaults()
                .withRelayUri(URI.create("ws://127.0.0.1:" + relay.port()))
                .withToken(TestRelays.AGENT_TOKEN)
                .withHostName("rack-07")
                .withSampleInterval(SAMPLE_INTERVAL)
                .withInventoryInterval(SAMPLE_INTERVAL)
                .withStateDir(tmp.resolve("agent"))
                .withSysfsRoot(fixture.root()));
    assertThat(agent.awaitConnected(TestRelays.WAIT)).isTrue();

    fixture.write("class/hwmon/hwmon0/temp1_input", "91500");

    JsonObject hook = JsonParser.parseString(receiver.take().body()).getAsJsonObject();
    assertThat(hook.get("transition").getAsString()).isEqualTo("firing");
    JsonObject alert = hook.getAsJsonObject("alert");
    assertThat(alert.get("hostName").getAsString()).isEqualTo("rack-07");
    assertThat(alert.get("value").getAsDouble()).isEqualTo(91.5);
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(smtp.getReceivedMessages()[0].getSubject())
        .isEqualTo("[Vigil] CRITICAL firing: " + CPU_TEMP + " on rack-07");
  }
}
