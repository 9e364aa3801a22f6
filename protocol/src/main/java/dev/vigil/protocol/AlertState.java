package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/**
 * Lifecycle of an alert: pending, then firing once its condition held long enough, then resolved.
 */
public enum AlertState {
  /** Condition true, but not yet for the rule's minimum duration. */
  @SerializedName("pending")
  PENDING,
  /** Condition held for the minimum duration. */
  @SerializedName("firing")
  FIRING,
  /** Condition cleared (past the clear threshold), or it never held long enough. */
  @SerializedName("resolved")
  RESOLVED
}
