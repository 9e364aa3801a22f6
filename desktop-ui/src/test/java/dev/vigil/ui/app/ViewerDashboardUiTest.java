package dev.vigil.ui.app;

import static dev.vigil.ui.Fixtures.CPU_TEMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.server.Relay;
import dev.vigil.server.link.OperatorRole;
import dev.vigil.ui.support.AgentTestClient;
import dev.vigil.ui.support.TestDashboards;
import dev.vigil.ui.support.TestRelays;
import dev.vigil.ui.theme.StyleClasses;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
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

/** A dashboard whose operator token has the viewer role, against a real relay. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class ViewerDashboardUiTest {
  private static final long WAIT_S = 15;
  private static final String VIEWER_TOKEN = "viewer-token";
  private static final String HOST_ID = "host-viewer-1";

  @TempDir Path dataDir;
  private Relay relay;
  private Dashboard dashboard;
  private AgentTestClient agent;

  @Start
  void start(Stage stage) throws Exception {
    relay =
        Relay.start(
            TestRelays.config(dataDir)
                .withOperatorTokens(
                    Map.of(
                        TestRelays.OPERATOR_TOKEN, TestRelays.OPERATOR_NAME, VIEWER_TOKEN, "vic"))
                .withOperatorRoles(Map.of(VIEWER_TOKEN, OperatorRole.VIEWER)));
    dashboard =
        TestDashboards.show(stage, relay.port(), VIEWER_TOKEN, "vic", "dashboard-viewer-test");
  }

  @AfterEach
  void stop(FxRobot robot) throws Exception {
    if (agent != null) {
      agent.closeBlocking();
    }
    robot.interact(dashboard::close);
    relay.close();
  }

  @Test
  void aViewerSeesAcknowledgeAndSilenceDisabledAndNoCommands(FxRobot robot) throws Exception {
    agent = AgentTestClient.connect(relay.port(), TestRelays.AGENT_TOKEN, HOST_ID, "rack-v");
    agent.sendMessage(new SensorCatalog(HOST_ID, System.currentTimeMillis(), List.of(CPU_TEMP)));
    agent.sendMessage(new Sample(HOST_ID, System.currentTimeMillis(), Map.of(CPU_TEMP.id(), 92.0)));
    robot.interact(() -> dashboard.viewModel().showPage(Page.ALERTS));
    WaitForAsyncUtils.waitFor(
        WAIT_S,
        TimeUnit.SECONDS,
        () -> robot.lookup("." + StyleClasses.ACK_BUTTON).tryQuery().isPresent());

    assertThat(dashboard.state().permissions().role()).isEqualTo("viewer");
    assertThat(robot.lookup("." + StyleClasses.ACK_BUTTON).queryButton().isDisabled()).isTrue();
    assertThat(robot.lookup("Silence…").queryAs(Button.class).isDisabled()).isTrue();

    robot.interact(() -> dashboard.viewModel().openHostByIdOrName(HOST_ID));
    WaitForAsyncUtils.waitFor(
        WAIT_S, TimeUnit.SECONDS, () -> robot.lookup("Ping agent").tryQuery().isPresent());
    assertThat(robot.lookup("Ping agent").queryAs(Button.class).isDisabled()).isTrue();
  }

  @Test
  void aViewerIsNotOfferedTheTokensPageNorGivenTheTokenList(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        WAIT_S, TimeUnit.SECONDS, () -> "viewer".equals(dashboard.state().permissions().role()));
    WaitForAsyncUtils.waitForFxEvents();

    ToggleButton tokens =
        robot.lookup("." + StyleClasses.NAV_BUTTON).queryAllAs(ToggleButton.class).stream()
            .filter(b -> b.getText().equals("Tokens"))
            .findFirst()
            .orElseThrow();
    assertThat(tokens.isVisible()).isFalse();
    assertThat(tokens.isManaged()).isFalse();
    robot.interact(() -> dashboard.viewModel().showPage(Page.TOKENS));
    assertThat(dashboard.viewModel().getPage()).isNotEqualTo(Page.TOKENS);
    assertThat(dashboard.state().tokens()).isEmpty();
    assertThat(dashboard.viewModel().tokens().rows()).isEmpty();
  }
}
