package dev.vigil.ui.state;

/**
 * What the operator's role lets this dashboard ask of the relay, so that controls the role lacks
 * are disabled; the relay refuses such requests anyway.
 *
 * @param role the role the relay's welcome named ({@code viewer}, {@code operator}, {@code admin}),
 *     or empty when the relay names none (older relays: everything allowed)
 */
public record OperatorPermissions(String role) {
  /** Before any welcome, or from a relay without roles. */
  public static final OperatorPermissions UNKNOWN = new OperatorPermissions("");

  public OperatorPermissions {
    role = role == null ? "" : role;
  }

  /** Acknowledge alerts. */
  public boolean canAcknowledge() {
    return !role.equals("viewer");
  }

  /** Put and remove silences. */
  public boolean canSilence() {
    return !role.equals("viewer");
  }

  /** Send commands to agents (ping, inventory, sampling interval). */
  public boolean canCommand() {
    return !role.equals("viewer");
  }

  /** Edit alert rules. */
  public boolean canEditRules() {
    return role.isEmpty() || role.equals("admin");
  }

  /**
   * List, create and revoke the relay's tokens: admins only. Unlike rules, not for relays that name
   * no role: those relays predate token management.
   */
  public boolean canManageTokens() {
    return role.equals("admin");
  }
}
