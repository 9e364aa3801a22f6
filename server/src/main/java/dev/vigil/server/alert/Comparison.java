package dev.vigil.server.alert;

/** Which side of a threshold raises an alert. */
public enum Comparison {
  /** Raised when the value is at or above the threshold; cleared below the clear threshold. */
  ABOVE("≥"),
  /** Raised when the value is at or below the threshold; cleared above the clear threshold. */
  BELOW("≤");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** The symbol used in alert messages, e.g. {@code ≥}. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code value} is past {@code threshold} on this side. */
  public boolean triggers(double value, double threshold) {
    return this == ABOVE ? value >= threshold : value <= threshold;
  }

  /** Whether {@code value} is back past {@code clearThreshold}, which ends a firing alert. */
  public boolean clears(double value, double clearThreshold) {
    return this == ABOVE ? value < clearThreshold : value > clearThreshold;
  }
}
