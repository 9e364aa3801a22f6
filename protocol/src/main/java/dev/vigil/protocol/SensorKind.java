package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** What a sensor measures. */
public enum SensorKind {
  @SerializedName("temperature")
  TEMPERATURE,
  @SerializedName("voltage")
  VOLTAGE,
  @SerializedName("fan")
  FAN,
  @SerializedName("power")
  POWER,
  @SerializedName("current")
  CURRENT,
  @SerializedName("load")
  LOAD,
  @SerializedName("memory")
  MEMORY,
  @SerializedName("swap")
  SWAP,
  @SerializedName("filesystem")
  FILESYSTEM,
  @SerializedName("disk_io")
  DISK_IO,
  @SerializedName("network_io")
  NETWORK_IO,
  @SerializedName("battery")
  BATTERY,
  @SerializedName("uptime")
  UPTIME
}
