package dev.vigil.server.link;

import dev.vigil.protocol.TokenKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * That a token was revoked: by whom and when, so a hello that presents it later is told so instead
 * of "unknown token".
 *
 * @param kind the token's kind
 * @param name the token's name when it was revoked
 * @param revokedBy the admin who revoked it
 * @param revokedAtMs when (epoch milliseconds)
 */
public record Revocation(TokenKind kind, String name, String revokedBy, long revokedAtMs) {

  /** E.g. {@code token 'night shift' was revoked by alice at 2026-12-02T09:15:00Z}. */
  public String describe() {
    return "token '"
        + name
        + "' was revoked by "
        + revokedBy
        + " at "
        + Instant.ofEpochMilli(revokedAtMs).truncatedTo(ChronoUnit.SECONDS);
  }
}
