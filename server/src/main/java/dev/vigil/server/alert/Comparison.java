package dev.vigil.server.alert;

import dev.vigil.protocol.Comparator;

/** Which side of a threshold raises an alert. */
public enum Comparison {
  /** Raised when the value is at or above the threshold; cleared below the clear threshold. */
  ABOVE("≥", Comparator.GREATER_OR_EQUAL),
  /** Raised when the value is at or below the threshold; cleared above the clear threshold. */
  BELOW("≤", Comparator.LESS_OR_EQUAL),
  /** Raised when the value is above the threshold; cleared at or below the clear threshold. */
  GREATER(">", Comparator.GREATER),
  /** Raised when the value is below the threshold; cleared at or above the clear threshold. */
  LESS("<", Comparator.LESS);

  private final String symbol;
  private final Comparator wire;

  Comparison(String symbol, Comparator wire) {
    this.symbol = symbol;
    this.wire = wire;
  }

  /** The comparison for a wire comparator. */
  public static Comparison of(Comparator comparator) {
    for (Comparison c : values()) {
      if (c.wire == comparator) {
        return c;
      }
    }
    throw new IllegalArgumentException("no comparison for " + comparator);
  }

  /** The wire comparator. */
  public Comparator comparator() {
    return wire;
  }

  /** The symbol used in alert messages, e.g. {@code ≥}. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code value} is past {@code threshold} on this side. */
  public boolean triggers(double value, double threshold) {
    return switch (this) {
      case ABOVE -> value >= threshold;
      case BELOW -> value <= threshold;
      case GREATER -> value > threshold;
      case LESS -> value < threshold;
    };
  }

  /** Whether {@code value} is back past {@code clearThreshold}, which ends a firing alert. */
  public boolean clears(double value, double clearThreshold) {
    return !triggers(value, clearThreshold);
  }
}
