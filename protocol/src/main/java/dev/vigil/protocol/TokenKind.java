package dev.vigil.protocol;

import com.google.gson.annotations.SerializedName;
import java.util.Arrays;
import java.util.Locale;

/** Who may use a token: a dashboard (operator token) or an agent (agent token). */
public enum TokenKind {
  /** Authenticates a dashboard, and carries an operator role. */
  @SerializedName("operator")
  OPERATOR,
  /** Authenticates an agent. */
  @SerializedName("agent")
  AGENT;

  /** The name on the wire, e.g. {@code operator}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code name} on the wire, or {@code null} when there is none. */
  public static TokenKind byWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst().orElse(null);
  }
}
