package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** What an alert rule watches: a sensor series against a threshold, or one kind of event. */
public enum RuleKind {
  /** A sensor value compared with a threshold, with hysteresis and a minimum duration. */
  @SerializedName("threshold")
  THRESHOLD,
  /** A device appeared on a host. */
  @SerializedName("device.added")
  DEVICE_ADDED,
  /** A device disappeared from a host. */
  @SerializedName("device.removed")
  DEVICE_REMOVED,
  /** An LED's brightness changed. */
  @SerializedName("led.changed")
  LED_CHANGED,
  /** A host's agent went offline (it stopped, or its link dropped). */
  @SerializedName("agent.offline")
  AGENT_OFFLINE
}
