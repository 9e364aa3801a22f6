package dev.vigil.ui.alerts;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One row of the Hosts page's active-alerts panel: the alert and how long it has lasted. */
public final class ActiveAlertItem {
  private final AlertRow row;
  private final ReadOnlyStringWrapper ageText = new ReadOnlyStringWrapper("");

  /**
   * @param row the alert
   * @param nowMs the current time, for the age
   */
  public ActiveAlertItem(AlertRow row, long nowMs) {
    this.row = Objects.requireNonNull(row, "row");
    refresh(nowMs);
  }

  /** Moves the age along. */
  public void refresh(long nowMs) {
    ageText.set(row.ageText(nowMs));
  }

  /** The alert as the alerts pane shows it. */
  public AlertRow row() {
    return row;
  }

  /** E.g. "firing 3 min 5 s". */
  public ReadOnlyStringProperty ageTextProperty() {
    return ageText.getReadOnlyProperty();
  }

  public String getAgeText() {
    return ageText.get();
  }
}
