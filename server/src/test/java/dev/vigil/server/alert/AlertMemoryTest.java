package dev.vigil.server.alert;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.sample;
import static dev.vigil.server.support.TestRelays.temperatureCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Acknowledge;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A relay restarted on the same data directory keeps its alerts and their acknowledgements. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AlertMemoryTest {
  private static final String HOST = "mem-1";

  @TempDir Path dataDir;

  private RelayConfig config() {
    return TestRelays.config(dataDir)
        .withRules(
            List.of(
                AlertRule.above(
                    "test-hot", "test.temp", 50, 45, Duration.ZERO, Severity.CRITICAL)));
  }

  private static ProtocolTestClient dashboard(Relay relay) throws InterruptedException {
    return ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
  }

  @Test
  void aFiringAlertAndItsAcknowledgementSurviveARelayRestart() throws Exception {
    Alert acked;
    try (Relay first = Relay.start(config())) {
      ProtocolTestClient agent = ProtocolTestClient.connect(first.port(), agentHello(HOST));
      agent.awaitMessage(Welcome.class, WAIT);
      agent.send(temperatureCatalog(HOST));
      ProtocolTestClient alice = dashboard(first);
      alice.awaitMessage(Snapshot.class, WAIT);
      agent.send(sample(HOST, "test.temp", 60.0));
      Alert firing =
          alice.awaitMessage(
              Alert.class, a -> a.hostId().equals(HOST) && a.state() == AlertState.FIRING, WAIT);
      alice.send(new Acknowledge("ack-1", firing.id(), "fan on order"));
      assertThat(alice.awaitMessage(Result.class, WAIT).ok()).isTrue();
      acked = alice.awaitMessage(Alert.class, a -> a.ack() != null, WAIT);
      agent.closeBlocking();
      alice.closeBlocking();
    }

    try (Relay second = Relay.start(config())) {
      Snapshot snapshot = dashboard(second).awaitMessage(Snapshot.class, WAIT);

      assertThat(snapshot.alerts()).hasSize(1);
      Alert kept = snapshot.alerts().get(0);
      assertThat(kept.id()).isEqualTo(acked.id());
      assertThat(kept.state()).isEqualTo(AlertState.FIRING);
      assertThat(kept.ack().by()).isEqualTo("alice");
      assertThat(kept.ack().comment()).isEqualTo("fan on order");
    }
  }

  @Test
  void aKeptAlertResolvesWhenTheValueComesBackBelowItsClearThreshold() throws Exception {
    try (Relay first = Relay.start(config())) {
      ProtocolTestClient agent = ProtocolTestClient.connect(first.port(), agentHello(HOST));
      agent.awaitMessage(Welcome.class, WAIT);
      agent.send(temperatureCatalog(HOST));
      ProtocolTestClient alice = dashboard(first);
      alice.awaitMessage(Snapshot.class, WAIT);
      agent.send(sample(HOST, "test.temp", 60.0));
      alice.awaitMessage(Alert.class, a -> a.state() == AlertState.FIRING, WAIT);
      agent.closeBlocking();
    }

    try (Relay second = Relay.start(config())) {
      ProtocolTestClient alice = dashboard(second);
      String keptId = alice.awaitMessage(Snapshot.class, WAIT).alerts().get(0).id();
      ProtocolTestClient agent = ProtocolTestClient.connect(second.port(), agentHello(HOST));
      agent.awaitMessage(Welcome.class, WAIT);
      agent.send(temperatureCatalog(HOST));
      agent.send(sample(HOST, "test.temp", 40.0));

      Alert resolved = alice.awaitMessage(Alert.class, a -> a.state() == AlertState.RESOLVED, WAIT);
      assertThat(resolved.id()).isEqualTo(keptId);
    }
  }
}
