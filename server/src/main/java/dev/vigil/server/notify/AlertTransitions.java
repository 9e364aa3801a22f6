package dev.vigil.server.notify;

import dev.vigil.protocol.Alert;

/** Where the relay core hands every alert transition; must never block the caller. */
public interface AlertTransitions {
  /** Takes nothing: a relay without notifications. */
  AlertTransitions NONE = change -> {};

  /** Hands over one transition; returns at once. */
  void offer(AlertChange change);

  /** Hands over an alert in the state it was broadcast, its transition read from the state. */
  default void offer(Alert alert) {
    offer(new AlertChange(alert, Transition.of(alert)));
  }
}
