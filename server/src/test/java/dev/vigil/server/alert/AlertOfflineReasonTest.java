package dev.vigil.server.alert;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Goodbye;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The agent-offline alert says, in its reason and message, whether the agent stopped. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AlertOfflineReasonTest {
  @TempDir static Path dataDir;
  private static Relay relay;

  @BeforeAll
  static void startRelay() throws Exception {
    relay = Relay.start(TestRelays.config(dataDir).withOfflineAlertAfter(Duration.ZERO));
  }

  @AfterAll
  static void stopRelay() {
    relay.close();
  }

  @Test
  void agentThatSaidGoodbyeIsOfflineBecauseTheAgentStopped() throws Exception {
    ProtocolTestClient dashboard = dashboard();
    ProtocolTestClient agent = agent("bye-1");

    agent.send(new Goodbye("service shutdown"));

    Alert offline = awaitOffline(dashboard, "bye-1");
    assertThat(offline.reason()).isEqualTo("agent stopped");
    assertThat(offline.message())
        .isEqualTo("Agent on bye-1-name offline: agent stopped (service shutdown)");
  }

  @Test
  void agentWhoseConnectionDroppedIsOfflineBecauseTheLinkWasLost() throws Exception {
    ProtocolTestClient dashboard = dashboard();
    ProtocolTestClient agent = agent("drop-2");

    agent.getSocket().close();

    Alert offline = awaitOffline(dashboard, "drop-2");
    assertThat(offline.reason()).isEqualTo("link lost");
    assertThat(offline.message())
        .startsWith("Agent on drop-2-name offline: link lost (connection dropped");
  }

  private static Alert awaitOffline(ProtocolTestClient dashboard, String hostId)
      throws InterruptedException {
    return dashboard.awaitMessage(
        Alert.class,
        a ->
            a.hostId().equals(hostId)
                && a.ruleId().equals(AgentOfflineDetector.RULE_ID)
                && a.state() == AlertState.FIRING,
        WAIT);
  }

  private static ProtocolTestClient dashboard() throws InterruptedException {
    ProtocolTestClient client =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    client.awaitMessage(Snapshot.class, WAIT);
    return client;
  }

  private static ProtocolTestClient agent(String hostId) throws InterruptedException {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello(hostId));
    client.awaitMessage(Welcome.class, WAIT);
    return client;
  }
}
