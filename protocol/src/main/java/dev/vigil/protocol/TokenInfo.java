package dev.vigil.protocol;

/**
 * One token the relay accepts, as admins see it in a {@link TokenList}. Never carries the secret.
 *
 * @param id short fingerprint of the secret (the first 12 hex digits of its SHA-256); stable
 * @param kind operator or agent token
 * @param name operator tokens: the operator's name (in acknowledgements, silences, edits); agent
 *     tokens: what the admin called it
 * @param role operator tokens: {@code viewer}, {@code operator} or {@code admin}; absent for agents
 * @param source where it comes from: the relay's configuration, or created by an admin
 * @param createdAtMs managed tokens: when it was created, epoch milliseconds (relay clock)
 * @param createdBy managed tokens: the admin who created it
 * @param notRevocableReason why a {@link TokenRevoke} of it would be refused (a config token, the
 *     last admin token); absent when it may be revoked
 */
public record TokenInfo(
    String id,
    TokenKind kind,
    String name,
    @OptionalField String role,
    TokenSource source,
    @OptionalField Long createdAtMs,
    @OptionalField String createdBy,
    @OptionalField String notRevocableReason) {

  /** True when a dashboard may revoke it. */
  public boolean isRevocable() {
    return notRevocableReason == null;
  }
}
