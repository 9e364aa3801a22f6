package dev.vigil.server.notify;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import java.util.Locale;

/** What just happened to an alert, as named in every notification. */
public enum Transition {
  /** The alert started pending; never notified. */
  PENDING,
  /** The alert started firing. */
  FIRING,
  /** The alert resolved. */
  RESOLVED,
  /** An operator acknowledged the alert. */
  ACKNOWLEDGED;

  /** The transition an alert broadcast in state {@code alert.state()} stands for. */
  public static Transition of(Alert alert) {
    return alert.state() == AlertState.PENDING
        ? PENDING
        : alert.state() == AlertState.FIRING ? FIRING : RESOLVED;
  }

  /** The name in payloads and config: {@code firing}, {@code resolved}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
