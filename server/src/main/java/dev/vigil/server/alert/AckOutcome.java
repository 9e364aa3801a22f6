package dev.vigil.server.alert;

import dev.vigil.protocol.Alert;

/**
 * What acknowledging an alert did.
 *
 * @param alert the acknowledged alert; {@code null} on failure
 * @param error why it failed; {@code null} on success
 */
public record AckOutcome(Alert alert, String error) {
  static AckOutcome acknowledged(Alert alert) {
    return new AckOutcome(alert, null);
  }

  static AckOutcome failed(String error) {
    return new AckOutcome(null, error);
  }

  /** True when the alert was acknowledged. */
  public boolean ok() {
    return alert != null;
  }
}
