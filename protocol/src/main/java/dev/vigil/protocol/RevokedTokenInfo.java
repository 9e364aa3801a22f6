package dev.vigil.protocol;

/**
 * A token an admin revoked, as admins see it in a {@link TokenList}: which one, who revoked it and
 * when. Never carries the secret.
 *
 * @param id the token's id (the first 12 hex digits of its secret's SHA-256)
 * @param kind operator or agent token
 * @param name the token's name when it was revoked
 * @param revokedAtMs when, epoch milliseconds (relay clock)
 * @param revokedBy the admin who revoked it
 */
public record RevokedTokenInfo(
    String id, TokenKind kind, String name, long revokedAtMs, String revokedBy) {}
