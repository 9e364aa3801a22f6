package dev.vigil.server.alert;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.BOB_TOKEN;
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
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Alert lifecycle and acknowledgement, end to end on real sockets with the real clock. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AlertsOverSocketsTest {
  private static final Duration MIN_DURATION = Duration.ofMillis(300);

  @TempDir static Path dataDir;
  private static Relay relay;

  @BeforeAll
  static void startRelay() throws Exception {
    AlertRule hot =
        AlertRule.above("test-hot", "test.temp", 50, 45, MIN_DURATION, Severity.CRITICAL);
    AlertRule hotTemperature =
        AlertRule.above("kind-hot", "kind.temp", 50, 45, Duration.ZERO, Severity.WARNING)
            .ofKind(SensorKind.TEMPERATURE);
    relay = Relay.start(TestRelays.config(dataDir).withRules(List.of(hot, hotTemperature)));
  }

  @AfterAll
  static void stopRelay() {
    relay.close();
  }

  @Test
  void temperatureAboveThresholdForDurationFires() throws Exception {
    ProtocolTestClient dashboard = dashboard(ALICE_TOKEN);
    ProtocolTestClient agent = agent("hot-1");

    agent.send(sample("hot-1", "test.temp", 60.0));

    Alert pending = awaitAlert(dashboard, "hot-1", AlertState.PENDING);
    Alert firing = awaitAlert(dashboard, "hot-1", AlertState.FIRING);
    assertThat(firing.firingAtMs() - firing.startedAtMs())
        .isGreaterThanOrEqualTo(MIN_DURATION.toMillis());
    assertThat(firing.id()).isEqualTo(pending.id());
    assertThat(firing.message()).isEqualTo("Test probe 60 °C ≥ 50 °C on hot-1-name");
    assertThat(firing.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void valueBetweenThresholdAndClearKeepsAlertFiring() throws Exception {
    ProtocolTestClient dashboard = dashboard(ALICE_TOKEN);
    ProtocolTestClient agent = agent("hot-2");
    agent.send(sample("hot-2", "test.temp", 60.0));
    awaitAlert(dashboard, "hot-2", AlertState.FIRING);

    agent.send(sample("hot-2", "test.temp", 47.0));
    agent.send(sample("hot-2", "test.temp", 48.0));
    dashboard.awaitMessage(Sample.class, s -> s.values().get("test.temp") == 48.0, WAIT);

    assertThat(dashboard.pending(Alert.class))
        .noneMatch(a -> a.hostId().equals("hot-2") && a.state() == AlertState.RESOLVED);
  }

  @Test
  void valueBelowClearThresholdResolves() throws Exception {
    ProtocolTestClient dashboard = dashboard(ALICE_TOKEN);
    ProtocolTestClient agent = agent("hot-3");
    agent.send(sample("hot-3", "test.temp", 60.0));
    Alert firing = awaitAlert(dashboard, "hot-3", AlertState.FIRING);

    agent.send(sample("hot-3", "test.temp", 44.0));

    Alert resolved = awaitAlert(dashboard, "hot-3", AlertState.RESOLVED);
    assertThat(resolved.id()).isEqualTo(firing.id());
    assertThat(resolved.resolvedAtMs()).isNotNull();
    assertThat(resolved.value()).isEqualTo(44.0);
  }

  @Test
  void acknowledgementFromOneDashboardReachesAnother() throws Exception {
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);
    ProtocolTestClient bob = dashboard(BOB_TOKEN);
    ProtocolTestClient agent = agent("hot-4");
    agent.send(sample("hot-4", "test.temp", 70.0));
    Alert firing = awaitAlert(alice, "hot-4", AlertState.FIRING);
    awaitAlert(bob, "hot-4", AlertState.FIRING);

    alice.send(new Acknowledge("req-1", firing.id(), "fan replaced"));

    Result result = alice.awaitMessage(Result.class, r -> r.requestId().equals("req-1"), WAIT);
    Alert acked = bob.awaitMessage(Alert.class, a -> a.ack() != null, WAIT);
    assertThat(result.ok()).isTrue();
    assertThat(acked.id()).isEqualTo(firing.id());
    assertThat(acked.ack().by()).isEqualTo("alice");
    assertThat(acked.ack().comment()).isEqualTo("fan replaced");
  }

  @Test
  void newCatalogThatMakesASensorATemperatureBringsItUnderATemperatureRule() throws Exception {
    ProtocolTestClient dashboard = dashboard(ALICE_TOKEN);
    ProtocolTestClient agent = agent("kind-1");
    agent.send(kindCatalog("kind-1", SensorKind.LOAD, SensorUnit.PERCENT));
    agent.send(sample("kind-1", "kind.temp", 60.0));
    dashboard.awaitMessage(
        Sample.class, s -> Double.valueOf(60.0).equals(s.values().get("kind.temp")), WAIT);

    agent.send(kindCatalog("kind-1", SensorKind.TEMPERATURE, SensorUnit.CELSIUS));
    agent.send(sample("kind-1", "kind.temp", 61.0));

    Alert firing = awaitAlert(dashboard, "kind-1", AlertState.FIRING);
    assertThat(firing.message()).isEqualTo("Kind probe 61 °C ≥ 50 °C on kind-1-name");
  }

  @Test
  void acknowledgingUnknownAlertGetsFailedResult() throws Exception {
    ProtocolTestClient alice = dashboard(ALICE_TOKEN);

    alice.send(new Acknowledge("req-2", "no-such-alert", ""));

    Result result = alice.awaitMessage(Result.class, r -> r.requestId().equals("req-2"), WAIT);
    assertThat(result.ok()).isFalse();
    assertThat(result.error()).contains("no-such-alert");
  }

  private static ProtocolTestClient dashboard(String token) throws InterruptedException {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), dashboardHello(token));
    client.awaitMessage(Snapshot.class, WAIT);
    return client;
  }

  private static ProtocolTestClient agent(String hostId) throws InterruptedException {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), agentHello(hostId));
    client.awaitMessage(Welcome.class, WAIT);
    client.send(temperatureCatalog(hostId));
    return client;
  }

  private static SensorCatalog kindCatalog(String hostId, SensorKind kind, SensorUnit unit) {
    return new SensorCatalog(
        hostId,
        System.currentTimeMillis(),
        List.of(SensorInfo.present("kind.temp", "Kind probe", kind, unit, "test")));
  }

  private static Alert awaitAlert(ProtocolTestClient client, String hostId, AlertState state)
      throws InterruptedException {
    return client.awaitMessage(
        Alert.class, a -> a.hostId().equals(hostId) && a.state() == state, WAIT);
  }
}
