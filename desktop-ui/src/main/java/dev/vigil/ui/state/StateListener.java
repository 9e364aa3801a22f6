package dev.vigil.ui.state;

/** Told, on the UI thread, after each batch was applied to the {@link DashboardState}. */
@FunctionalInterface
public interface StateListener {
  /** The batch is applied; {@code changes} says what moved. */
  void stateChanged(Changes changes);
}
