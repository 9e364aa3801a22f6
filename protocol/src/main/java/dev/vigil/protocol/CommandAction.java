package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** What a {@link Command} asks an agent to do. */
public enum CommandAction {
  /** Answer at once: proves the whole path dashboard → relay → agent → back works. */
  @SerializedName("ping")
  PING,
  /** Scan the devices now and send a fresh inventory. */
  @SerializedName("inventory")
  REFRESH_INVENTORY,
  /** Sample every {@code intervalMs} from now on. */
  @SerializedName("sample_interval")
  SET_SAMPLE_INTERVAL
}
