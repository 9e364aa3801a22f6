package dev.vigil.server.alert;

import dev.vigil.protocol.SensorUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Formats values for alert messages: "92.5 °C", "1.216 V", "30 s". */
public final class ValueFormat {
  private static final int DEFAULT_DECIMALS = 2;

  private ValueFormat() {}

  /** A value with its unit symbol, rounded for the unit; no unit when {@code unit} is null. */
  public static String withUnit(double value, SensorUnit unit) {
    if (unit == null) {
      return number(value);
    }
    return round(value, decimalsFor(unit)) + " " + unit.symbol();
  }

  /** A number with at most two decimals and no trailing zeros. */
  public static String number(double value) {
    return round(value, DEFAULT_DECIMALS);
  }

  /** A duration as "10 s", "1.5 s" or "250 ms". */
  public static String duration(Duration duration) {
    long ms = duration.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    return round(ms / 1000.0, 1) + " s";
  }

  private static int decimalsFor(SensorUnit unit) {
    return switch (unit) {
      case CELSIUS, PERCENT -> 1;
      case VOLTS, AMPERES -> 3;
      case RPM, BYTES, SECONDS -> 0;
      default -> DEFAULT_DECIMALS;
    };
  }

  private static String round(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }
}
