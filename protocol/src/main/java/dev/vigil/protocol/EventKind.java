package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** The kinds of hot-plug event. */
public enum EventKind {
  @SerializedName("device.added")
  DEVICE_ADDED("device.added"),
  @SerializedName("device.removed")
  DEVICE_REMOVED("device.removed"),
  @SerializedName("device.changed")
  DEVICE_CHANGED("device.changed"),
  @SerializedName("led.changed")
  LED_CHANGED("led.changed");

  private final String wireName;

  EventKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire, e.g. {@code device.added}. */
  public String wireName() {
    return wireName;
  }
}
