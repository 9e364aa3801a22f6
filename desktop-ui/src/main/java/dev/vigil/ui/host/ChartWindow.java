package dev.vigil.ui.host;

/**
 * How far back a host's charts reach. The shortest is drawn from the samples the dashboard holds;
 * the longer ones are backfilled from the relay's history and then continue live.
 */
public enum ChartWindow {
  FIVE_MINUTES("5 min", 300, 1, "seconds ago"),
  ONE_HOUR("1 h", 3_600, 60, "minutes ago"),
  ONE_DAY("24 h", 86_400, 3_600, "hours ago"),
  SEVEN_DAYS("7 d", 604_800, 86_400, "days ago");

  private final String label;
  private final long seconds;
  private final long unitSeconds;
  private final String axisLabel;

  ChartWindow(String label, long seconds, long unitSeconds, String axisLabel) {
    this.label = label;
    this.seconds = seconds;
    this.unitSeconds = unitSeconds;
    this.axisLabel = axisLabel;
  }

  /** The button text. */
  public String label() {
    return label;
  }

  /** The span, in seconds. */
  public long seconds() {
    return seconds;
  }

  /** The span, in milliseconds. */
  public long millis() {
    return seconds * 1_000L;
  }

  /** Seconds per unit of the time axis's labels (1 for seconds, 60 for minutes, …). */
  public long unitSeconds() {
    return unitSeconds;
  }

  /** The time axis's title. */
  public String axisLabel() {
    return axisLabel;
  }

  /** True when the samples the dashboard holds cover it, so no history is asked for. */
  public boolean isLiveOnly() {
    return this == FIVE_MINUTES;
  }
}
