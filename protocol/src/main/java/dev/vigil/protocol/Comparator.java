package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** How a threshold rule compares a value with its threshold. */
public enum Comparator {
  /** Raised above the threshold. */
  @SerializedName(">")
  GREATER,
  /** Raised at or above the threshold. */
  @SerializedName(">=")
  GREATER_OR_EQUAL,
  /** Raised below the threshold. */
  @SerializedName("<")
  LESS,
  /** Raised at or below the threshold. */
  @SerializedName("<=")
  LESS_OR_EQUAL
}
