package dev.vigil.ui.host;

import dev.vigil.protocol.SensorKind;

/**
 * The live charts of the host page, one per kind of sensor, with what their value axis needs: the
 * smallest span it shows (so that noise on a flat line is not blown up), and the limits the values
 * cannot pass (fans never below 0 rpm, load within 0–100 %; NaN for none).
 */
public enum ChartGroup {
  TEMPERATURES(
      "Temperatures", "temperature", "°C", SensorKind.TEMPERATURE, 4, Double.NaN, Double.NaN),
  VOLTAGES("Voltages", "voltage", "V", SensorKind.VOLTAGE, 0.2, Double.NaN, Double.NaN),
  FANS("Fans", "fan", "rpm", SensorKind.FAN, 200, 0, Double.NaN),
  LOAD("Load", "load", "%", SensorKind.LOAD, 10, 0, 100);

  private final String title;
  private final String noun;
  private final String unitSymbol;
  private final SensorKind kind;
  private final double minValueSpan;
  private final double valueFloor;
  private final double valueCeiling;

  ChartGroup(
      String title,
      String noun,
      String unitSymbol,
      SensorKind kind,
      double minValueSpan,
      double valueFloor,
      double valueCeiling) {
    this.title = title;
    this.noun = noun;
    this.unitSymbol = unitSymbol;
    this.kind = kind;
    this.minValueSpan = minValueSpan;
    this.valueFloor = valueFloor;
    this.valueCeiling = valueCeiling;
  }

  /** The value axis for values between {@code min} and {@code max}. */
  public AxisRange valueAxis(double min, double max) {
    return AxisRange.values(min, max, minValueSpan, valueFloor, valueCeiling);
  }

  /** The value axis of a chart with nothing to plot. */
  public AxisRange emptyValueAxis() {
    double low = Double.isNaN(valueFloor) ? 0 : valueFloor;
    return AxisRange.values(low, low + minValueSpan, minValueSpan, valueFloor, valueCeiling);
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
