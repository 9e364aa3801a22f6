package dev.vigil.server.alert;

import static dev.vigil.server.support.TestRelays.ALICE_TOKEN;
import static dev.vigil.server.support.TestRelays.WAIT;
import static dev.vigil.server.support.TestRelays.agentHello;
import static dev.vigil.server.support.TestRelays.dashboardHello;
import static dev.vigil.server.support.TestRelays.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Acknowledge;
import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.Command;
import dev.vigil.protocol.CommandAction;
import dev.vigil.protocol.Comparator;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.Ping;
import dev.vigil.protocol.Pong;
import dev.vigil.protocol.Result;
import dev.vigil.protocol.RuleDefinition;
import dev.vigil.protocol.RuleDelete;
import dev.vigil.protocol.RuleKind;
import dev.vigil.protocol.RuleList;
import dev.vigil.protocol.RulePut;
import dev.vigil.protocol.RuleSelector;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Silence;
import dev.vigil.protocol.SilenceDelete;
import dev.vigil.protocol.SilenceList;
import dev.vigil.protocol.SilencePut;
import dev.vigil.protocol.Snapshot;
import dev.vigil.protocol.Welcome;
import dev.vigil.server.Relay;
import dev.vigil.server.link.OperatorRole;
import dev.vigil.server.support.ProtocolTestClient;
import dev.vigil.server.support.TestRelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Operator roles enforced by the relay over real sockets: refused requests keep the link open. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RoleEnforcementTest {
  static final String VIEWER_TOKEN = "viewer-secret";
  static final String OPERATOR_TOKEN = "operator-secret";
  static final String ADMIN_TOKEN = "admin-secret";

  @TempDir static Path dataDir;
  private static Relay relay;

  @BeforeAll
  static void startRelay() throws Exception {
    AlertRule hot =
        AlertRule.above("test-hot", "test.temp", 50, 45, Duration.ZERO, Severity.CRITICAL);
    relay =
        Relay.start(
            TestRelays.config(dataDir)
                .withRules(List.of(hot))
                .withOperatorTokens(
                    Map.of(
                        VIEWER_TOKEN, "vera",
                        OPERATOR_TOKEN, "otto",
                        ADMIN_TOKEN, "ada",
                        ALICE_TOKEN, "alice"))
                .withOperatorRoles(
                    Map.of(
                        VIEWER_TOKEN, OperatorRole.VIEWER,
                        OPERATOR_TOKEN, OperatorRole.OPERATOR,
                        ADMIN_TOKEN, OperatorRole.ADMIN)));
  }

  @AfterAll
  static void stopRelay() {
    relay.close();
  }

  @Test
  void welcomeTellsTheDashboardItsRole() throws Exception {
    ProtocolTestClient viewer =
        ProtocolTestClient.connect(relay.port(), dashboardHello(VIEWER_TOKEN));

    assertThat(viewer.awaitMessage(Welcome.class, WAIT).role()).isEqualTo("viewer");
  }

  @Test
  void plainTokenHasTheAdminRole() throws Exception {
    ProtocolTestClient alice =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ALICE_TOKEN));

    assertThat(alice.awaitMessage(Welcome.class, WAIT).role()).isEqualTo("admin");
    alice.awaitMessage(Snapshot.class, WAIT);
    alice.send(new RulePut("r-plain", usbRule("plain-usb")));
    assertThat(result(alice, "r-plain").ok()).isTrue();
  }

  @Test
  void viewerMayNotAcknowledgeAndItsLinkStaysOpen() throws Exception {
    Alert firing = firingAlert("role-ack-1");
    ProtocolTestClient viewer = dashboard(VIEWER_TOKEN);

    viewer.send(new Acknowledge("r-1", firing.id(), "mine"));

    assertThat(result(viewer, "r-1"))
        .isEqualTo(Result.failure("r-1", "your role viewer may not acknowledge alerts"));
    viewer.send(new Ping(5, 1));
    assertThat(viewer.awaitMessage(Pong.class, p -> p.nonce() == 5, WAIT)).isNotNull();
  }

  @Test
  void viewerMayNotSendCommands() throws Exception {
    ProtocolTestClient viewer = dashboard(VIEWER_TOKEN);

    viewer.send(new Command("r-2", "any-host", CommandAction.PING, null));

    assertThat(result(viewer, "r-2").error()).isEqualTo("your role viewer may not send commands");
  }

  @Test
  void viewerMayNotSilence() throws Exception {
    ProtocolTestClient viewer = dashboard(VIEWER_TOKEN);

    viewer.send(new SilencePut("r-3", silence("*")));

    assertThat(result(viewer, "r-3").error()).isEqualTo("your role viewer may not silence alerts");
  }

  @Test
  void viewerMayNotEditRules() throws Exception {
    ProtocolTestClient viewer = dashboard(VIEWER_TOKEN);

    viewer.send(new RuleDelete("r-4", "test-hot"));

    assertThat(result(viewer, "r-4").error()).isEqualTo("your role viewer may not delete rules");
  }

  @Test
  void operatorMayAcknowledge() throws Exception {
    Alert firing = firingAlert("role-ack-2");
    ProtocolTestClient operator = dashboard(OPERATOR_TOKEN);

    operator.send(new Acknowledge("r-5", firing.id(), "mine"));

    assertThat(result(operator, "r-5").ok()).isTrue();
    Alert acked =
        operator.awaitMessage(
            Alert.class, a -> a.id().equals(firing.id()) && a.ack() != null, WAIT);
    assertThat(acked.ack().by()).isEqualTo("otto");
    assertThat(acked.changedBy()).isEqualTo("otto");
  }

  @Test
  void operatorMaySilenceAndTheSilencedAlertIsPushedToEveryDashboard() throws Exception {
    Alert firing = firingAlert("role-silence");
    ProtocolTestClient operator = dashboard(OPERATOR_TOKEN);
    ProtocolTestClient viewer = dashboard(VIEWER_TOKEN);

    operator.send(new SilencePut("r-6", silence("role-silence*")));

    assertThat(result(operator, "r-6").ok()).isTrue();
    SilenceList list = viewer.awaitMessage(SilenceList.class, WAIT);
    Silence put =
        list.silences().stream()
            .filter(s -> s.hostGlob().equals("role-silence*"))
            .findFirst()
            .orElseThrow();
    assertThat(put.id()).isNotNull();
    assertThat(put.createdBy()).isEqualTo("otto");
    assertThat(
            viewer.awaitMessage(
                Alert.class, a -> a.id().equals(firing.id()) && a.isSilenced(), WAIT))
        .isNotNull();
    operator.send(new SilenceDelete("r-7", put.id()));
    assertThat(result(operator, "r-7").ok()).isTrue();
    assertThat(
            viewer.awaitMessage(
                Alert.class, a -> a.id().equals(firing.id()) && !a.isSilenced(), WAIT))
        .isNotNull();
  }

  @Test
  void operatorMayNotEditRules() throws Exception {
    ProtocolTestClient operator = dashboard(OPERATOR_TOKEN);

    operator.send(new RulePut("r-8", usbRule("op-usb")));

    assertThat(result(operator, "r-8").error()).isEqualTo("your role operator may not edit rules");
  }

  @Test
  void adminMayPutARuleAndEveryDashboardGetsTheRuleList() throws Exception {
    ProtocolTestClient admin = dashboard(ADMIN_TOKEN);
    ProtocolTestClient viewer = dashboard(VIEWER_TOKEN);

    admin.send(new RulePut("r-9", usbRule("admin-usb")));

    assertThat(result(admin, "r-9").ok()).isTrue();
    RuleList list =
        viewer.awaitMessage(
            RuleList.class,
            l -> l.rules().stream().anyMatch(r -> r.id().equals("admin-usb")),
            WAIT);
    assertThat(list.rules()).extracting(RuleDefinition::id).contains("test-hot", "agent-offline");
  }

  @Test
  void invalidRuleIsRefusedWithAPreciseErrorAndChangesNothing() throws Exception {
    ProtocolTestClient admin = dashboard(ADMIN_TOKEN);
    RuleDefinition bad =
        new RuleDefinition(
            "test-hot",
            RuleKind.THRESHOLD,
            new RuleSelector(null, "test.temp", null, null, null),
            Comparator.GREATER_OR_EQUAL,
            50.0,
            60.0,
            null,
            Severity.CRITICAL,
            null,
            null);

    admin.send(new RulePut("r-10", bad));

    assertThat(result(admin, "r-10").error())
        .isEqualTo(
            "rule 'test-hot': clearThreshold 60 must be on the clearing side of threshold 50 for"
                + " comparator greater or equal");
    assertThat(admin.pending(RuleList.class)).isEmpty();
    ProtocolTestClient later =
        ProtocolTestClient.connect(relay.port(), dashboardHello(ADMIN_TOKEN));
    Snapshot snapshot = later.awaitMessage(Snapshot.class, WAIT);
    assertThat(snapshot.rules())
        .filteredOn(r -> r.id().equals("test-hot"))
        .singleElement()
        .extracting(RuleDefinition::clearThreshold)
        .isEqualTo(45.0);
  }

  private static RuleDefinition usbRule(String id) {
    return new RuleDefinition(
        id,
        RuleKind.DEVICE_ADDED,
        new RuleSelector(null, null, null, null, DeviceKind.USB),
        null,
        null,
        null,
        null,
        Severity.WARNING,
        "USB device {device} added on {host}",
        null);
  }

  private static Silence silence(String hostGlob) {
    return new Silence(
        null,
        hostGlob,
        null,
        null,
        "maintenance",
        System.currentTimeMillis() + 600_000,
        null,
        null);
  }

  private static Alert firingAlert(String hostId) throws InterruptedException {
    ProtocolTestClient watcher = dashboard(VIEWER_TOKEN);
    ProtocolTestClient agent = ProtocolTestClient.connect(relay.port(), agentHello(hostId));
    agent.awaitMessage(Welcome.class, WAIT);
    agent.send(TestRelays.temperatureCatalog(hostId));
    agent.send(sample(hostId, "test.temp", 60.0));
    return watcher.awaitMessage(
        Alert.class, a -> a.hostId().equals(hostId) && a.state() == AlertState.FIRING, WAIT);
  }

  private static ProtocolTestClient dashboard(String token) throws InterruptedException {
    ProtocolTestClient client = ProtocolTestClient.connect(relay.port(), dashboardHello(token));
    client.awaitMessage(Snapshot.class, WAIT);
    return client;
  }

  private static Result result(ProtocolTestClient client, String requestId)
      throws InterruptedException {
    return client.awaitMessage(Result.class, r -> r.requestId().equals(requestId), WAIT);
  }
}
