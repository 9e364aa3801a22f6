package dev.vigil.ui.support;

import dev.vigil.ui.app.Dashboard;
import dev.vigil.ui.app.Settings;
import dev.vigil.ui.theme.Theme;
import java.time.Clock;
import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The real dashboard on a TestFX stage, connected to a test relay. */
public final class TestDashboards {
  /** The window size every UI test uses. */
  public static final int WIDTH = 1280;

  public static final int HEIGHT = 800;

  private TestDashboards() {}

  /**
   * Builds a dashboard for the relay on {@code relayPort} with {@code token} (light theme, UTC),
   * shows it on {@code stage} and starts it; call from the TestFX {@code @Start} method.
   *
   * @param settingsName the settings file name, one per test class
   */
  public static Dashboard show(
      Stage stage, int relayPort, String token, String operatorName, String settingsName) {
    Settings settings =
        new Settings(
            "ws://localhost:" + relayPort, token, Theme.LIGHT, WIDTH, HEIGHT, settingsName, true);
    Dashboard dashboard =
        new Dashboard(settings, Clock.systemUTC(), ZoneId.of("UTC"), operatorName);
    stage.setScene(new Scene(dashboard.view(), WIDTH, HEIGHT));
    stage.show();
    dashboard.start();
    return dashboard;
  }
}
