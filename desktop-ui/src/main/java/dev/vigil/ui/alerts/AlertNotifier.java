package dev.vigil.ui.alerts;

/** Tells the operator, outside the alerts pane, that an alert started firing. */
@FunctionalInterface
public interface AlertNotifier {
  /**
   * The alert just started firing. Called on the UI thread; must not throw.
   *
   * @param row the alert as the pane shows it (host name marked SIMULATED where it is)
   */
  void alertFiring(AlertRow row);
}
