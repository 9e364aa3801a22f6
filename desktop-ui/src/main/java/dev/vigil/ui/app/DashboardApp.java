package dev.vigil.ui.app;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: reads remembered settings and launch overrides, shows the dashboard, and
 * remembers theme, relay and window size.
 */
public final class DashboardApp extends Application {
  /** Exit status for bad command-line options. */
  public static final int EXIT_USAGE = 2;

  private static final Logger LOG = LoggerFactory.getLogger(DashboardApp.class);

  private Dashboard dashboard;
  private SettingsStore store;
  private Settings remembered;

  @Override
  public void start(Stage stage) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(getParameters().getRaw(), System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.error("{}", e.getMessage());
      System.exit(EXIT_USAGE);
      return;
    }
    store = SettingsStore.inHome();
    remembered = store.load();
    Settings effective = options.applyTo(remembered);
    dashboard =
        new Dashboard(
            effective,
            Clock.systemDefaultZone(),
            ZoneId.systemDefault(),
            System.getProperty("user.name", "operator"),
            options.link());
    dashboard
        .viewModel()
        .themeProperty()
        .addListener((obs, old, now) -> save(remembered.withTheme(now)));
    dashboard
        .viewModel()
        .activeAlerts()
        .openProperty()
        .addListener((obs, old, now) -> save(remembered.withAlertPanelOpen(now)));
    dashboard.setRelayChangeListener((url, token) -> save(remembered.withRelay(url, token)));

    Scene scene = new Scene(dashboard.view(), effective.windowWidth(), effective.windowHeight());
    stage.setTitle("Vigil dashboard");
    stage.setScene(scene);
    stage.setOnHidden(e -> save(remembered.withWindowSize(stage.getWidth(), stage.getHeight())));
    stage.show();
    dashboard.start();
    options.page().ifPresent(page -> dashboard.viewModel().showPage(page));
    options.openHost().ifPresent(host -> dashboard.viewModel().openHostByIdOrName(host));
    options
        .screenshot()
        .ifPresent(
            file -> {
              PauseTransition wait =
                  new PauseTransition(Duration.seconds(options.screenshotDelaySeconds()));
              wait.setOnFinished(
                  e -> {
                    try {
                      ScreenshotWriter.write(scene, file);
                      LOG.info("screenshot saved to {}", file);
                    } catch (IOException ex) {
                      LOG.error("cannot save screenshot to {}: {}", file, ex.getMessage());
                    }
                    Platform.exit();
                  });
              wait.play();
            });
  }

  @Override
  public void stop() {
    if (dashboard != null) {
      dashboard.close();
    }
  }

  private void save(Settings settings) {
    remembered = settings;
    store.save(settings);
  }
}
