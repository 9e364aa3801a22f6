package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;

/** Where a relay's token comes from, which decides whether a dashboard may revoke it. */
public enum TokenSource {
  /**
   * The relay's configuration: config file, environment, command line or the generated {@code
   * tokens.properties}. Listed, but changed only there.
   */
  @SerializedName("config")
  CONFIG,
  /** Created by an admin over the protocol ({@link TokenCreate}); revocable the same way. */
  @SerializedName("managed")
  MANAGED
}
