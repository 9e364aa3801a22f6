package dev.vigil.ui.alerts;

import dev.vigil.ui.theme.StyleClasses;
import javafx.scene.control.Label;

/** The small coloured "CRITICAL" / "WARNING" / "INFO" label shown before an alert. */
final class SeverityChip {
  private SeverityChip() {}

  static Label of(AlertRow row) {
    Label chip = new Label(row.severityText());
    chip.getStyleClass().addAll(StyleClasses.BADGE, StyleClasses.SEVERITY_CHIP);
    chip.setMinWidth(Label.USE_PREF_SIZE);
    StyleClasses.apply(chip, row.alert().severity());
    return chip;
  }
}
