package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** The kinds of device in a host's inventory. */
public enum DeviceKind {
  @SerializedName("usb")
  USB,
  @SerializedName("disk")
  DISK,
  @SerializedName("network")
  NETWORK,
  @SerializedName("power_source")
  POWER_SOURCE,
  @SerializedName("display")
  DISPLAY,
  @SerializedName("led")
  LED
}
