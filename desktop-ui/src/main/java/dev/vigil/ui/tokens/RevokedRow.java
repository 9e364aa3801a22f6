package dev.vigil.ui.tokens;

import dev.vigil.protocol.RevokedTokenInfo;
import dev.vigil.ui.format.Formats;
import java.time.ZoneId;

/**
 * One revoked token as the Tokens page lists it.
 *
 * @param name the token's name when it was revoked
 * @param kindText {@code operator} or {@code agent}
 * @param revokedText when and by whom, e.g. {@code 2 Dec 15:40 by alice}
 */
public record RevokedRow(String name, String kindText, String revokedText) {

  /** The row of a revoked token, with times of day in {@code zone}. */
  public static RevokedRow of(RevokedTokenInfo token, ZoneId zone) {
    return new RevokedRow(
        token.name(),
        token.kind().wireName(),
        Formats.dateClock(token.revokedAtMs(), zone) + " by " + token.revokedBy());
  }
}
