package dev.vigil.ui.app;

import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.server.Relay;
import dev.vigil.ui.alerts.AlertRow;
import dev.vigil.ui.connection.ConnectionPhase;
import dev.vigil.ui.connection.RelayClient;
import dev.vigil.ui.connection.RelayEndpoint;
import dev.vigil.ui.connection.RelayEvent;
import dev.vigil.ui.support.AgentTestClient;
import dev.vigil.ui.support.RecordingListener;
import dev.vigil.ui.support.TestDashboards;
import dev.vigil.ui.support.TestRelays;
import dev.vigil.ui.theme.StyleClasses;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole dashboard on a real stage (headless through Monocle) against a real relay, fed by a
 * real protocol-speaking agent client.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class DashboardUiTest {
  private static final long WAIT_S = 15;
  private static final String HOST_ID = "host-ui-1";
  private static final Logger CSS_LOGGER = Logger.getLogger("javafx.css");

  @TempDir Path dataDir;
  private Relay relay;
  private Dashboard dashboard;
  private AgentTestClient agent;
  private RelayClient secondDashboard;
  private AgentTestClient vmAgent;

  @Start
  void start(Stage stage) throws Exception {
    relay = TestRelays.start(dataDir);
    dashboard =
        TestDashboards.show(
            stage, relay.port(), TestRelays.OPERATOR_TOKEN, "tester", "dashboard-ui-test");
  }

  @AfterEach
  void stop(FxRobot robot) throws Exception {
    if (secondDashboard != null) {
      secondDashboard.close();
    }
    if (agent != null) {
      agent.closeBlocking();
    }
    if (vmAgent != null) {
      vmAgent.closeBlocking();
    }
    robot.interact(dashboard::close);
    relay.close();
  }

  @Test
  void hostTileAppearsAndFollowsNewSamplesLive(FxRobot robot) throws Exception {
    startAgentWithTemperature(61.0);
    waitFor(() -> tileText(robot, StyleClasses.TILE_HOTTEST).contains("61.0 °C"));

    agent.sendMessage(sampleOf(64.5));

    waitFor(() -> tileText(robot, StyleClasses.TILE_HOTTEST).contains("64.5 °C"));
    assertThat(tileText(robot, StyleClasses.TILE_NAME)).isEqualTo("rack-ui");
  }

  @Test
  void tilesKeepOneHeightWhenAHostHasLongAbsentReasons(FxRobot robot) throws Exception {
    startAgentWithTemperature(58.0);
    vmAgent = AgentTestClient.connect(relay.port(), TestRelays.AGENT_TOKEN, "vm-ui", "vm");
    String vm = " (virtual machine: unknown hypervisor)";
    vmAgent.sendMessage(
        new SensorCatalog(
            "vm-ui",
            System.currentTimeMillis(),
            List.of(
                SensorInfo.absent(
                    CPU_TEMP.id(),
                    "CPU package",
                    SensorKind.TEMPERATURE,
                    SensorUnit.CELSIUS,
                    "oshi",
                    "no CPU temperature sensor exposed" + vm),
                SensorInfo.absent(
                    "hwmon",
                    "hwmon",
                    SensorKind.TEMPERATURE,
                    SensorUnit.CELSIUS,
                    "hwmon",
                    "no hwmon chips exposed" + vm),
                SensorInfo.absent(
                    "fan.1",
                    "fans",
                    SensorKind.FAN,
                    SensorUnit.RPM,
                    "oshi",
                    "no fans reported" + vm))));

    waitFor(() -> tileText(robot, StyleClasses.TILE_HOTTEST).contains("58.0 °C"));
    waitFor(
        () ->
            tileText(robot, "vm-ui", StyleClasses.TILE_HOTTEST)
                .startsWith("No temperature sensors"));
    WaitForAsyncUtils.waitForFxEvents();

    Region normal = (Region) tile(robot).orElseThrow();
    Region vmTile = (Region) tile(robot, "vm-ui").orElseThrow();
    assertThat(vmTile.getHeight()).isGreaterThan(0).isEqualTo(normal.getHeight());
    assertThat(vmTile.prefHeight(vmTile.getWidth()))
        .isLessThanOrEqualTo(normal.prefHeight(normal.getWidth()));
  }

  @Test
  void clickingATileOpensTheHostPageWithItsSensors(FxRobot robot) throws Exception {
    startAgentWithTemperature(58.0);
    waitFor(() -> tile(robot).isPresent());

    robot.clickOn(tile(robot).orElseThrow());

    waitFor(() -> dashboard.viewModel().getPage() == Page.HOST);
    TableView<?> sensors = robot.lookup("." + StyleClasses.SENSOR_TABLE).queryAs(TableView.class);
    waitFor(() -> sensors.getItems().size() == 1);
    robot.type(KeyCode.ESCAPE);
    waitFor(() -> dashboard.viewModel().getPage() == Page.HOSTS);
  }

  @Test
  void hotSampleMakesTheAlertAppearInTheAlertsPane(FxRobot robot) throws Exception {
    startAgentWithTemperature(60.0);
    waitFor(() -> tile(robot).isPresent());

    agent.sendMessage(sampleOf(91.0));
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);

    waitFor(() -> dashboard.viewModel().getPage() == Page.ALERTS);
    waitFor(() -> !alertRows(robot).isEmpty());
    AlertRow row = alertRows(robot).get(0);
    assertThat(row.alert().ruleId()).isEqualTo(TestRelays.CPU_HOT_RULE);
    assertThat(row.hostText()).isEqualTo("rack-ui");
    assertThat(row.stateText()).isEqualTo("firing");
  }

  @Test
  void firingAlertShowsASolidNoticeWithoutCssWarnings(FxRobot robot) throws Exception {
    List<LogRecord> cssWarnings = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              cssWarnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    CSS_LOGGER.addHandler(handler);
    try {
      startAgentWithTemperature(60.0);
      waitFor(() -> tile(robot).isPresent());

      agent.sendMessage(sampleOf(93.0));

      waitFor(() -> !dashboard.notices().shown().isEmpty());
      Region notice = (Region) dashboard.notices().shown().get(0).getContent().get(0);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(notice.lookup("." + StyleClasses.NOTICE_TITLE))
          .isInstanceOfSatisfying(
              Label.class, l -> assertThat(l.getText()).startsWith("CRITICAL alert firing on"));
      assertThat(notice.getBackground()).as("notice background").isNotNull();
      BackgroundFill fill = notice.getBackground().getFills().get(0);
      assertThat(fill.getFill())
          .isInstanceOfSatisfying(Color.class, c -> assertThat(c.getOpacity()).isEqualTo(1.0));
      assertThat(cssWarnings).extracting(LogRecord::getMessage).isEmpty();
    } finally {
      CSS_LOGGER.removeHandler(handler);
    }
  }

  @Test
  void acknowledgeReachesTheRelayAndEveryDashboard(FxRobot robot) throws Exception {
    RecordingListener second = new RecordingListener();
    secondDashboard =
        new RelayClient(
            new RelayEndpoint(
                URI.create("ws://localhost:" + relay.port()),
                TestRelays.OPERATOR_TOKEN,
                "second-dashboard",
                "second"),
            second,
            Clock.systemUTC());
    secondDashboard.start();
    second.awaitPhase(ConnectionPhase.CONNECTED, TimeUnit.SECONDS.toMillis(WAIT_S));
    startAgentWithTemperature(92.0);
    robot.interact(() -> dashboard.viewModel().showPage(Page.ALERTS));
    waitFor(() -> robot.lookup("." + StyleClasses.ACK_BUTTON).tryQuery().isPresent());

    robot.clickOn("." + StyleClasses.ACK_BUTTON);
    waitFor(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
    robot.clickOn(".dialog-pane .text-field").write("replacing the fan");
    robot.type(KeyCode.ENTER);

    waitFor(() -> !alertRows(robot).isEmpty() && alertRows(robot).get(0).alert().ack() != null);
    assertThat(alertRows(robot).get(0).ackText()).startsWith("acknowledged by alice at ");
    assertThat(alertRows(robot).get(0).ackText()).endsWith(": replacing the fan");
    RelayEvent seen =
        second.await(
            e ->
                e instanceof RelayEvent.Received r
                    && r.message() instanceof Alert a
                    && a.ack() != null,
            TimeUnit.SECONDS.toMillis(WAIT_S));
    Alert acked = (Alert) ((RelayEvent.Received) seen).message();
    assertThat(acked.ack().by()).isEqualTo(TestRelays.OPERATOR_NAME);
    assertThat(acked.ack().comment()).isEqualTo("replacing the fan");
  }

  @Test
  void silencingFromTheAlertsPageMarksTheAlertSilencedAtTheRelay(FxRobot robot) throws Exception {
    startAgentWithTemperature(92.0);
    robot.interact(() -> dashboard.viewModel().showPage(Page.ALERTS));
    waitFor(() -> robot.lookup("Silence…").tryQuery().isPresent());

    robot.clickOn("Silence…");
    waitFor(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
    robot.clickOn(".dialog-pane .text-field").write("planned maintenance");
    robot.type(KeyCode.ENTER);

    waitFor(() -> !alertRows(robot).isEmpty() && alertRows(robot).get(0).alert().isSilenced());
    assertThat(alertRows(robot).get(0).stateText()).contains("silenced");
    waitFor(() -> !dashboard.state().silences().isEmpty());
    assertThat(dashboard.state().silences().get(0).comment()).isEqualTo("planned maintenance");
    assertThat(dashboard.state().silences().get(0).createdBy()).isEqualTo(TestRelays.OPERATOR_NAME);
    assertThat(dashboard.state().silences().get(0).expiresAtMs())
        .isGreaterThan(System.currentTimeMillis() + 3_500_000L);
  }

  @Test
  void anAdminAddsARuleFromTheRulesPageAndTheRelayKeepsIt(FxRobot robot) throws Exception {
    robot.interact(() -> dashboard.viewModel().showPage(Page.RULES));
    waitFor(() -> robot.lookup("New rule…").tryQuery().isPresent());

    robot.clickOn("New rule…");
    waitFor(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
    List<javafx.scene.control.TextField> fields =
        List.copyOf(
            robot
                .lookup(".dialog-pane .text-field")
                .queryAllAs(javafx.scene.control.TextField.class));
    robot.interact(
        () -> {
          fields.get(0).setText("disk-hot");
          fields.get(2).setText("disk.*.temperature");
          fields.get(3).setText("55");
          fields.get(4).setText("50");
          fields.get(5).setText("60");
        });
    robot.clickOn("OK");

    waitFor(() -> dashboard.state().rules().stream().anyMatch(r -> r.id().equals("disk-hot")));
    dev.vigil.protocol.RuleDefinition stored =
        dashboard.state().rules().stream()
            .filter(r -> r.id().equals("disk-hot"))
            .findFirst()
            .orElseThrow();
    assertThat(stored.threshold()).isEqualTo(55.0);
    assertThat(stored.clearThreshold()).isEqualTo(50.0);
    assertThat(stored.minDurationMs()).isEqualTo(60_000L);
    waitFor(() -> dashboard.viewModel().rules().getFeedback().endsWith("done"));
  }

  @Test
  void hostPageStripShowsTheFiringAlertAndAcknowledgesItAtTheRelay(FxRobot robot) throws Exception {
    startAgentWithTemperature(60.0);
    waitFor(() -> tile(robot).isPresent());
    robot.interact(() -> dashboard.viewModel().openHost(HOST_ID));
    Node strip = robot.lookup("." + StyleClasses.ALERT_STRIP).query();
    assertThat(strip.isVisible()).isFalse();

    agent.sendMessage(sampleOf(91.0));

    waitFor(strip::isVisible);
    robot.clickOn(robot.from(strip).lookup("." + StyleClasses.ACK_BUTTON).queryButton());
    waitFor(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
    robot.clickOn(".dialog-pane .text-field").write("fan swapped");
    robot.type(KeyCode.ENTER);
    waitFor(() -> robot.from(strip).lookup("." + StyleClasses.ACK_TEXT).tryQuery().isPresent());
    String ack =
        robot.from(strip).lookup("." + StyleClasses.ACK_TEXT).queryAs(Label.class).getText();
    assertThat(ack).startsWith("acknowledged by alice at ").endsWith(": fan swapped");
  }

  private void startAgentWithTemperature(double celsius) throws Exception {
    agent = AgentTestClient.connect(relay.port(), TestRelays.AGENT_TOKEN, HOST_ID, "rack-ui");
    agent.sendMessage(new SensorCatalog(HOST_ID, System.currentTimeMillis(), List.of(CPU_TEMP)));
    agent.sendMessage(sampleOf(celsius));
  }

  private static Sample sampleOf(double celsius) {
    return new Sample(HOST_ID, System.currentTimeMillis(), Map.of(CPU_TEMP.id(), celsius));
  }

  private static Optional<Node> tile(FxRobot robot) {
    return tile(robot, HOST_ID);
  }

  private static Optional<Node> tile(FxRobot robot, String hostId) {
    return robot.lookup("." + StyleClasses.HOST_TILE).queryAll().stream()
        .filter(n -> hostId.equals(n.getUserData()))
        .findFirst();
  }

  private static String tileText(FxRobot robot, String styleClass) {
    return tileText(robot, HOST_ID, styleClass);
  }

  private static String tileText(FxRobot robot, String hostId, String styleClass) {
    return tile(robot, hostId)
        .map(t -> robot.from(t).lookup("." + styleClass).queryAs(Label.class).getText())
        .orElse("");
  }

  @SuppressWarnings("unchecked")
  private static List<AlertRow> alertRows(FxRobot robot) {
    return List.copyOf(
        robot.lookup("." + StyleClasses.ALERTS_TABLE).queryAs(TableView.class).getItems());
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
  }
}
