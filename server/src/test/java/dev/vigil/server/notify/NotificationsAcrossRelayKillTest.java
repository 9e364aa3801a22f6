package dev.vigil.server.notify;

import static dev.vigil.server.support.TestRelays.AGENT_TOKEN;
import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.awaitTrue;
import static dev.vigil.server.support.TestRelays.sample;
import static dev.vigil.server.support.TestRelays.temperatureCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay process killed outright (SIGKILL: no shutdown hook, no close) while a notification waits
 * to be retried still delivers it after its restart: the undelivered notifications are on disk as
 * they change, not only written at a clean shutdown.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NotificationsAcrossRelayKillTest {
  private static final Pattern LISTENING =
      Pattern.compile("Listening for WebSocket connections on port (\\d+)");

  @TempDir Path dataDir;
  @TempDir Path work;
  private WebhookReceiver receiver;
  private Process relayProcess;
  private Relay restarted;

  @AfterEach
  void stopAll() {
    if (relayProcess != null) {
      relayProcess.destroyForcibly();
    }
    if (restarted != null) {
      restarted.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void aNotificationWaitingForRetryWhenTheRelayIsKilledIsDeliveredAfterItsRestart()
      throws Exception {
    AtomicBoolean up = new AtomicBoolean();
    receiver = WebhookReceiver.answering(n -> up.get() ? 200 : 503);
    int port = startRelayProcess();
    ProtocolTestClient agent = ProtocolTestClient.connect(port, agentHello("hot-1"));
    agent.awaitMessage(Welcome.class, WAIT);
    agent.send(temperatureCatalog("hot-1"));
    agent.send(sample("hot-1", "test.temp", 60.0));
    receiver.take(); // the first attempt, refused: the delivery now waits to be retried
    Path pending = dataDir.resolve(PendingNotifications.FILE);
    awaitTrue("the waiting delivery on disk", () -> Files.exists(pending));

    relayProcess.destroyForcibly(); // SIGKILL
    assertThat(relayProcess.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    relayProcess = null;
    up.set(true);
    receiver.received.clear();
    restarted = Relay.start(sameRelay());

    JsonObject hook = JsonParser.parseString(receiver.take().body()).getAsJsonObject();
    assertThat(hook.get("transition").getAsString()).isEqualTo("firing");
    assertThat(hook.getAsJsonObject("alert").get("hostId").getAsString()).isEqualTo("hot-1");
    awaitTrue("the delivered notification off disk", () -> !Files.exists(pending));
  }

  /** The relay, {@code RelayMain} from this module's classes, in a process of its own. */
  private int startRelayProcess() throws Exception {
    Path config = work.resolve("relay.json");
    Files.writeString(
        config,
        """
        {"port": 0, "httpPort": 0, "dataDir": "%s",
         "agentTokens": ["%s"], "operatorTokens": {"%s": "alice"},
         "rules": [{"id": "test-hot", "sensorPattern": "test.temp", "kind": "temperature",
                    "comparison": "above", "threshold": 50, "clearThreshold": 45,
                    "minDurationMs": 0, "severity": "critical"}],
         "notifications": {"webhooks": [{"url": "%s"}]}}
        """
            .formatted(
                dataDir.toString().replace("\\", "\\\\"), AGENT_TOKEN, ALICE_TOKEN, receiver.url()),
        StandardCharsets.UTF_8);
    String java = ProcessHandle.current().info().command().orElse("java");
    relayProcess =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.vigil.server.RelayMain",
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(
                          relayProcess.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
                port.completeExceptionally(new AssertionError("the relay process ended"));
              } catch (java.io.IOException e) {
                port.completeExceptionally(e);
              }
            },
            "relay-process-output");
    reader.setDaemon(true);
    reader.start();
    return port.get(WAIT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The same relay (data dir, rule, webhook) as the killed process, in this JVM. */
  private dev.vigil.server.config.RelayConfig sameRelay() {
    AlertRule hot =
        AlertRule.above("test-hot", "test.temp", 50, 45, Duration.ZERO, Severity.CRITICAL);
    return TestRelays.config(dataDir)
        .withRules(List.of(hot))
        .withNotifications(
            new NotificationsConfig(
                List.of(new WebhookConfig(receiver.url(), Map.of(), NotificationFilter.ALL)),
                null,
                List.of()));
  }
}
