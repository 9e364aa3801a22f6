package dev.vigil.ui.app;

import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.agent.testing.Await;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.server.Relay;
import dev.vigil.ui.history.RelayHistoryClient;
import dev.vigil.ui.host.ChartGroup;
import dev.vigil.ui.host.ChartLine;
import dev.vigil.ui.support.AgentTestClient;
import dev.vigil.ui.support.TestRelays;
import dev.vigil.ui.theme.Theme;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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
 * The host page's hour chart against a real relay with its real history: samples stored before the
 * dashboard started are drawn once the operator picks "1 h", and the chart goes on live.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class HistoryChartUiTest {
  private static final long WAIT_S = 15;
  private static final String HOST_ID = "host-history-1";
  private static final int STORED = 11;

  @TempDir Path dataDir;
  private Relay relay;
  private Dashboard dashboard;
  private AgentTestClient agent;
  private long startMs;

  @Start
  void start(Stage stage) throws Exception {
    relay = TestRelays.start(dataDir);
    URI http = URI.create("http://127.0.0.1:" + relay.httpPort() + "/");
    // Before any dashboard: one sample a minute from 30 to 20 minutes ago, stored by the relay.
    startMs = System.currentTimeMillis();
    agent = AgentTestClient.connect(relay.port(), TestRelays.AGENT_TOKEN, HOST_ID, "rack-h");
    agent.sendMessage(new SensorCatalog(HOST_ID, startMs, List.of(CPU_TEMP)));
    for (int i = 0; i < STORED; i++) {
      agent.sendMessage(
          new Sample(HOST_ID, startMs - (30 - i) * 60_000L, Map.of(CPU_TEMP.id(), 40.0 + i)));
    }
    RelayHistoryClient history = new RelayHistoryClient(http, TestRelays.OPERATOR_TOKEN);
    assertThat(Await.until(() -> storedCount(history) == STORED, Duration.ofSeconds(WAIT_S)))
        .isTrue();

    Settings settings =
        new Settings(
            "ws://127.0.0.1:" + relay.port(),
            TestRelays.OPERATOR_TOKEN,
            Theme.LIGHT,
            1280,
            800,
            "history-ui-test",
            true);
    dashboard =
        new Dashboard(
            settings,
            Clock.systemUTC(),
            ZoneId.of("UTC"),
            "tester",
            new LinkOptions(Optional.of(http), Optional.empty(), List.of()));
    stage.setScene(new Scene(dashboard.view(), 1280, 800));
    stage.show();
    dashboard.start();
  }

  /** How many samples the relay's history holds so far; 0 before it knows the host. */
  private int storedCount(RelayHistoryClient history) {
    try {
      return history.series(HOST_ID, CPU_TEMP.id(), startMs - 3_600_000, startMs).join().size();
    } catch (java.util.concurrent.CompletionException notYet) {
      return 0; // "no history for host": the first batch is not written yet
    }
  }

  @AfterEach
  void stop(FxRobot robot) throws Exception {
    agent.closeBlocking();
    robot.interact(dashboard::close);
    relay.close();
  }

  private ChartLine temperatureLine() {
    List<ChartLine> lines =
        dashboard.viewModel().hostPage().getChart(ChartGroup.TEMPERATURES).lines();
    return lines.isEmpty() ? new ChartLine("", "", new double[0], new double[0]) : lines.get(0);
  }

  @Test
  void theHourChartDrawsStoredSamplesThenGoesOnLive(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        WAIT_S, TimeUnit.SECONDS, () -> dashboard.state().host(HOST_ID).isPresent());
    robot.interact(() -> dashboard.viewModel().openHostByIdOrName(HOST_ID));
    robot.clickOn("1 h");

    WaitForAsyncUtils.waitFor(
        WAIT_S, TimeUnit.SECONDS, () -> temperatureLine().values().length >= STORED);
    ChartLine backfilled = temperatureLine();
    assertThat(backfilled.values()[0]).isEqualTo(40.0);
    assertThat(backfilled.secondsAgo()[0]).isCloseTo(-30.0, within(1.0)); // minutes ago

    agent.sendMessage(new Sample(HOST_ID, System.currentTimeMillis(), Map.of(CPU_TEMP.id(), 77.0)));
    WaitForAsyncUtils.waitFor(
        WAIT_S,
        TimeUnit.SECONDS,
        () -> {
          double[] values = temperatureLine().values();
          return values.length > STORED && values[values.length - 1] == 77.0;
        });
    assertThat(dashboard.viewModel().hostPage().getHistoryText()).isEmpty();
  }
}
