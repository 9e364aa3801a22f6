package dev.vigil.ui.alerts;

import dev.vigil.protocol.Severity;
import java.util.Objects;

/**
 * One desktop notification: a single alert that started firing, or a summary of several.
 *
 * @param title the first, bold line, e.g. "CRITICAL alert firing on rack-01"
 * @param text the detail, e.g. the alert's message
 * @param severity the worst severity it covers, which colours it
 */
public record AlertNotice(String title, String text, Severity severity) {
  public AlertNotice {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(severity, "severity");
  }
}
