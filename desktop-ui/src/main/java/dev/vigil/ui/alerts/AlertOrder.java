package dev.vigil.ui.alerts;

import java.util.Comparator;

/**
 * The order of the alerts pane: active alerts before resolved ones, then the most severe first,
 * then the most recent first.
 */
public final class AlertOrder {
  /** The comparator. */
  public static final Comparator<AlertRow> ROWS =
      Comparator.comparing(AlertRow::isResolved)
          .thenComparing((AlertRow r) -> r.alert().severity(), Comparator.reverseOrder())
          .thenComparing(AlertRow::sortTimeMs, Comparator.reverseOrder())
          .thenComparing(AlertRow::alertId);

  private AlertOrder() {}
}
