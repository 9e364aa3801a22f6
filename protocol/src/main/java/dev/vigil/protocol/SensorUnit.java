package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** The unit of a sensor's values; every value on the wire is in its sensor's unit. */
public enum SensorUnit {
  @SerializedName("celsius")
  CELSIUS("°C"),
  @SerializedName("volts")
  VOLTS("V"),
  @SerializedName("rpm")
  RPM("rpm"),
  @SerializedName("watts")
  WATTS("W"),
  @SerializedName("amperes")
  AMPERES("A"),
  @SerializedName("percent")
  PERCENT("%"),
  @SerializedName("bytes")
  BYTES("B"),
  @SerializedName("bytes_per_second")
  BYTES_PER_SECOND("B/s"),
  @SerializedName("seconds")
  SECONDS("s");

  private final String symbol;

  SensorUnit(String symbol) {
    this.symbol = symbol;
  }

  /** Short symbol for display, e.g. {@code "°C"}. */
  public String symbol() {
    return symbol;
  }
}
