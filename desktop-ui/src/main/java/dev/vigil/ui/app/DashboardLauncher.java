package dev.vigil.ui.app;

import javafx.application.Application;

/**
 * Entry point of the runnable jar. A plain class, because JavaFX refuses to start an {@link
 * Application} subclass directly as main class when it is on the class path.
 */
public final class DashboardLauncher {
  private DashboardLauncher() {}

  /** Starts the dashboard; see {@link LaunchOptions} for the flags. */
  public static void main(String[] args) {
    Application.launch(DashboardApp.class, args);
  }
}
