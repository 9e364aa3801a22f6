package dev.vigil.server.notify;

import dev.vigil.protocol.Alert;
import java.util.Objects;

/**
 * One alert transition handed to the notifiers.
 *
 * @param alert the alert as it was broadcast to dashboards
 * @param transition what happened to it
 */
public record AlertChange(Alert alert, Transition transition) {
  public AlertChange {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(transition, "transition");
  }
}
