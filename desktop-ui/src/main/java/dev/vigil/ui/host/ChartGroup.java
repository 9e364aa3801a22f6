package dev.vigil.ui.host;

import dev.vigil.protocol.SensorKind;

/** The live charts of the host page, one per kind of sensor. */
public enum ChartGroup {
  TEMPERATURES("Temperatures", "temperature", "°C", SensorKind.TEMPERATURE),
  VOLTAGES("Voltages", "voltage", "V", SensorKind.VOLTAGE),
  FANS("Fans", "fan", "rpm", SensorKind.FAN),
  LOAD("Load", "load", "%", SensorKind.LOAD);

  private final String title;
  private final String noun;
  private final String unitSymbol;
  private final SensorKind kind;

  ChartGroup(String title, String noun, String unitSymbol, SensorKind kind) {
    this.title = title;
    this.noun = noun;
    this.unitSymbol = unitSymbol;
    this.kind = kind;
  }

  /** The chart's title. */
  public String title() {
    return title;
  }

  /** What one sensor of the chart is called, e.g. "fan". */
  public String noun() {
    return noun;
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
