package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** Liveness of a host as the relay sees it. */
public enum HostState {
  /** Connected and sending on time. */
  @SerializedName("online")
  ONLINE,
  /** Connected but no sample for longer than expected; values shown are old. */
  @SerializedName("stale")
  STALE,
  /** Not connected: the agent closed its link, or the link went silent. */
  @SerializedName("offline")
  OFFLINE
}
