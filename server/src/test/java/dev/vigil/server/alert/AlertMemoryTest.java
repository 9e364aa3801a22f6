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

  @Test
  void brokenFlapEntriesInTheFileAreSkippedAndTheAlertsKept() throws Exception {
    String firingId;
    try (Relay first = Relay.start(config())) {
      Link link = Link.open(first);
      link.crossTo(60.0, AlertState.FIRING);
      firingId = firing(dashboard(first).awaitMessage(Snapshot.class, WAIT)).get(0).id();
      link.close();
    }
    java.nio.file.Path file = dataDir.resolve(AlertMemory.FILE);
    com.google.gson.JsonObject stored =
        com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(file))
            .getAsJsonObject();
    stored.add(
        "flaps",
        com.google.gson.JsonParser.parseString(
            "[null, {\"ruleId\": null, \"timesMs\": [1]},"
                + " {\"ruleId\": \"test-hot\", \"hostId\": \"mem-1\", \"timesMs\": null},"
                + " {\"ruleId\": \"test-hot\", \"hostId\": \"mem-1\", \"subject\": \"test.temp\","
                + " \"timesMs\": [null, 5]}]"));
    java.nio.file.Files.writeString(file, stored.toString());

    try (Relay second = Relay.start(config())) {
      Snapshot snapshot = dashboard(second).awaitMessage(Snapshot.class, WAIT);

      assertThat(firing(snapshot)).extracting(Alert::id).containsExactly(firingId);
    }
  }

  @Test
  void aFlappingAlertStaysHeldAcrossARelayRestart() throws Exception {
    Alert flapping;
    try (Relay first = Relay.start(config())) {
      Link link = Link.open(first);
      for (int i = 0; i < 2; i++) {
        link.crossTo(60.0, AlertState.FIRING);
        link.crossTo(40.0, AlertState.RESOLVED);
      }
      link.crossTo(60.0, AlertState.FIRING);
      link.agent.send(sample(HOST, "test.temp", 40.0)); // the 6th transition in the window
      flapping = link.alice.awaitMessage(Alert.class, Alert::isFlapping, WAIT);
      link.close();
    }

    try (Relay second = Relay.start(config())) {
      Link link = Link.open(second);
      assertThat(firing(link.snapshot))
          .singleElement()
          .satisfies(a -> assertThat(a.id()).isEqualTo(flapping.id()))
          .satisfies(a -> assertThat(a.isFlapping()).isTrue());
      link.agent.send(sample(HOST, "test.temp", 40.0));
      link.agent.send(sample(HOST, "test.temp", 60.0));
      link.agent.send(sample(HOST, "test.temp", 40.0));
      link.agent.sync(WAIT);

      Snapshot after = dashboard(second).awaitMessage(Snapshot.class, WAIT);
      assertThat(firing(after))
          .as("still held firing, the same alert")
          .singleElement()
          .satisfies(a -> assertThat(a.id()).isEqualTo(flapping.id()))
          .satisfies(a -> assertThat(a.isFlapping()).isTrue());
    }
  }

  private static List<Alert> firing(Snapshot snapshot) {
    return snapshot.alerts().stream().filter(a -> a.state() == AlertState.FIRING).toList();
  }

  @Test
  void transitionsBeforeARestartCountTowardsFlapping() throws Exception {
    try (Relay first = Relay.start(config())) {
      Link link = Link.open(first);
      for (int i = 0; i < 2; i++) {
        link.crossTo(60.0, AlertState.FIRING);
        link.crossTo(40.0, AlertState.RESOLVED);
      }
      link.close();
    }

    try (Relay second = Relay.start(config())) {
      Link link = Link.open(second);
      link.crossTo(60.0, AlertState.FIRING);
      link.agent.send(sample(HOST, "test.temp", 40.0)); // the 6th transition in the window

      Alert held = link.alice.awaitMessage(Alert.class, a -> a.isFlapping(), WAIT);
      assertThat(held.state()).isEqualTo(AlertState.FIRING);
    }
  }

  /** An agent for {@link #HOST} and alice's dashboard on one relay. */
  private record Link(ProtocolTestClient agent, ProtocolTestClient alice, Snapshot snapshot) {
    static Link open(Relay relay) throws InterruptedException {
      ProtocolTestClient alice = dashboard(relay);
      Snapshot snapshot = alice.awaitMessage(Snapshot.class, WAIT);
      ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello(HOST));
      agent.awaitMessage(Welcome.class, WAIT);
      agent.send(temperatureCatalog(HOST));
      return new Link(agent, alice, snapshot);
    }

    /** Sends {@code value} and waits for the alert to reach {@code state}. */
    void crossTo(double value, AlertState state) throws InterruptedException {
      agent.send(sample(HOST, "test.temp", value));
      alice.awaitMessage(Alert.class, a -> a.hostId().equals(HOST) && a.state() == state, WAIT);
    }

    void close() throws InterruptedException {
      agent.closeBlocking();
      alice.closeBlocking();
    }
  }
}
