package dev.vigil.ui.host;

import dev.vigil.protocol.SensorKind;

/** The live charts of the host page, one per kind of sensor. */
public enum ChartGroup {
  TEMPERATURES("Temperatures", "°C", SensorKind.TEMPERATURE),
  VOLTAGES("Voltages", "V", SensorKind.VOLTAGE),
  FANS("Fans", "rpm", SensorKind.FAN),
  LOAD("Load", "%", SensorKind.LOAD);

  private final String title;
  private final String unitSymbol;
  private final SensorKind kind;

  ChartGroup(String title, String unitSymbol, SensorKind kind) {
    this.title = title;
    this.unitSymbol = unitSymbol;
    this.kind = kind;
  }

  /** The chart's title. */
  public String title() {
    return title;
  }

  /** The unit of the y axis. */
  public String unitSymbol() {
    return unitSymbol;
  }

  /** The kind of sensor it plots. */
  public SensorKind kind() {
    return kind;
  }
}
