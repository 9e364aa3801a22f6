package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** The role a peer declares in its {@link Hello}; never inferred from who dialled. */
public enum Role {
  /** A machine pushing samples, inventory and events. */
  @SerializedName("agent")
  AGENT,
  /** An operator's dashboard receiving snapshot, deltas and alerts. */
  @SerializedName("dashboard")
  DASHBOARD
}
