package dev.vigil.server.alert;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleDelete;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.RulePut;
import dev.vigil.protocol.RuleSelector;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Silence;
import dev.vigil.protocol.SilenceList;
import dev.vigil.protocol.SilencePut;
import dev.vigil.protocol.Snapshot;
import dev.vigil.server.Relay;
import dev.vigil.server.config.RelayConfig;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rule edits and silences survive a relay restart with the same data dir; silences expire. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RuleAndSilencePersistenceTest {
  private static final Device LED_ON =
      new Device("led:caps", DeviceKind.LED, "caps", Map.of("brightness", "1"));
  private static final Device LED_OFF =
      new Device("led:caps", DeviceKind.LED, "caps", Map.of("brightness", "0"));

  @TempDir Path dataDir;

  private RelayConfig config() {
    return TestRelays.config(dataDir)
        .withRules(
            List.of(
                AlertRule.above("cfg-hot", "test.temp", 50, 45, Duration.ZERO, Severity.CRITICAL),
                AlertRule.above("cfg-warm", "test.temp", 40, 35, Duration.ZERO, Severity.INFO)));
  }

  @Test
  void editedRulesAndSilencesSurviveARestart() throws Exception {
    long expires = System.currentTimeMillis() + 3_600_000;
    try (Relay first = Relay.start(config())) {
      ProtocolTestClient admin = dashboard(first);
      admin.send(new RuleDelete("r-1", "cfg-hot"));
      admin.send(new RulePut("r-2", usbRule()));
      admin.send(
          new SilencePut(
              "r-3",
              new Silence("s-keep", "rack-*", null, null, "moving racks", expires, null, null)));
      for (String id : List.of("r-1", "r-2", "r-3")) {
        assertThat(result(admin, id).ok()).as(id).isTrue();
      }
    }
    assertThat(dataDir.resolve(AlertSettings.RULES_FILE)).exists();
    assertThat(Files.readString(dataDir.resolve(AlertSettings.SILENCES_FILE))).contains("s-keep");

    try (Relay second = Relay.start(config())) {
      Snapshot snapshot = snapshot(second);

      assertThat(snapshot.rules())
          .extracting(RuleDefinition::id)
          .contains("cfg-warm", "usb-added", "agent-offline")
          .doesNotContain("cfg-hot");
      assertThat(snapshot.silences())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.id()).isEqualTo("s-keep");
                assertThat(s.createdBy()).isEqualTo("alice");
                assertThat(s.expiresAtMs()).isEqualTo(expires);
              });
    }
  }

  @Test
  void expiredSilenceIsRemovedAndTheListPushed() throws Exception {
    try (Relay relay = Relay.start(config())) {
      ProtocolTestClient operator = dashboard(relay);
      operator.send(
          new SilencePut(
              "r-1",
              new Silence(
                  null, "*", null, null, "brief", System.currentTimeMillis() + 300, null, null)));
      assertThat(result(operator, "r-1").ok()).isTrue();
      operator.awaitMessage(SilenceList.class, l -> l.silences().size() == 1, WAIT);

      assertThat(operator.awaitMessage(SilenceList.class, l -> l.silences().isEmpty(), WAIT))
          .isNotNull();
    }
  }

  @Test
  void anLedAlertKeptAcrossARestartResolvesWhenTheLedIsBack() throws Exception {
    Alert fired;
    try (Relay first = Relay.start(config())) {
      fired = ledTurnedOn(dashboard(first), agent(first));
    }
    assertThat(dataDir.resolve(LedBaselines.FILE)).exists();

    try (Relay second = Relay.start(config())) {
      ProtocolTestClient admin = dashboard(second);
      ledBack(agent(second));

      Alert after = admin.awaitMessage(Alert.class, a -> a.id().equals(fired.id()), WAIT);
      assertThat(after.state()).isEqualTo(AlertState.RESOLVED);
    }
  }

  @Test
  void anLedAlertResolvesWhenTheLedIsBackAfterAnotherRuleWasEdited() throws Exception {
    try (Relay relay = Relay.start(config())) {
      ProtocolTestClient admin = dashboard(relay);
      ProtocolTestClient agent = agent(relay);
      Alert fired = ledTurnedOn(admin, agent);

      admin.send(new RulePut("r-2", usbRule())); // the relay rebuilds every rule's detector
      assertThat(result(admin, "r-2").ok()).isTrue();
      ledBack(agent);

      Alert after =
          admin.awaitMessage(Alert.class, x -> x.id().equals(fired.id()) && x != fired, WAIT);
      assertThat(after.state()).isEqualTo(AlertState.RESOLVED);
    }
  }

  /** Puts the LED rule, turns the LED on and returns the alert that fires. */
  private static Alert ledTurnedOn(ProtocolTestClient admin, ProtocolTestClient agent)
      throws InterruptedException {
    admin.send(new RulePut("r-1", ledRule()));
    assertThat(result(admin, "r-1").ok()).isTrue();
    agent.send(
        new DeviceEvent("rack-1", 1_000, EventKind.LED_CHANGED, LED_ON, LED_OFF.attributes()));
    return admin.awaitMessage(
        Alert.class, a -> "led".equals(a.ruleId()) && a.state() == AlertState.FIRING, WAIT);
  }

  /** Turns the LED back off, where it was before. */
  private static void ledBack(ProtocolTestClient agent) {
    agent.send(
        new DeviceEvent("rack-1", 2_000, EventKind.LED_CHANGED, LED_OFF, LED_ON.attributes()));
  }

  private static ProtocolTestClient agent(Relay relay) throws InterruptedException {
    ProtocolTestClient client =
        ProtocolTestClient.connect(relay.port(), TestRelays.agentHello("rack-1"));
    client.awaitMessage(dev.vigil.protocol.Welcome.class, WAIT);
    return client;
  }

  private static RuleDefinition usbRule() {
    return eventRule("usb-added", RuleKind.DEVICE_ADDED, DeviceKind.USB);
  }

  private static RuleDefinition ledRule() {
    return eventRule("led", RuleKind.LED_CHANGED, DeviceKind.LED);
  }

  private static RuleDefinition eventRule(String id, RuleKind kind, DeviceKind device) {
    return new RuleDefinition(
        id,
        kind,
        new RuleSelector(null, null, null, null, device),
        null,
        null,
        null,
        null,
        Severity.WARNING,
        null,
        null);
  }

  private static ProtocolTestClient dashboard(Relay relay) throws InterruptedException {
    ProtocolTestClient client =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    client.awaitMessage(Snapshot.class, WAIT);
    return client;
  }

  private static Snapshot snapshot(Relay relay) throws InterruptedException {
    ProtocolTestClient client =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));
    return client.awaitMessage(Snapshot.class, WAIT);
  }

  private static Result result(ProtocolTestClient client, String requestId)
      throws InterruptedException {
    return client.awaitMessage(Result.class, r -> r.requestId().equals(requestId), WAIT);
  }
}
