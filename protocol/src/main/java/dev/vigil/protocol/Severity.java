package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** How urgent an alert is. */
public enum Severity {
  @SerializedName("info")
  INFO,
  @SerializedName("warning")
  WARNING,
  @SerializedName("critical")
  CRITICAL
}
