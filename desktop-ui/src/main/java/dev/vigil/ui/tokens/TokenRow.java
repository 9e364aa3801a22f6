package dev.vigil.ui.tokens;

import dev.vigil.protocol.TokenInfo;
import dev.vigil.protocol.TokenSource;
import dev.vigil.ui.format.Formats;
import java.time.ZoneId;

/**
 * One token as the Tokens page lists it.
 *
 * @param token the token, as the relay listed it (no secret)
 * @param kindText {@code operator} or {@code agent}
 * @param roleText the operator's role; a dash for agent tokens
 * @param sourceText {@code config} or {@code managed}
 * @param createdText when and by whom, for managed tokens; a dash for config ones
 */
public record TokenRow(
    TokenInfo token, String kindText, String roleText, String sourceText, String createdText) {
  /** Shown where a token has no value. */
  public static final String NONE = "—";

  /** The row of a token, with times of day in {@code zone}. */
  public static TokenRow of(TokenInfo token, ZoneId zone) {
    String created =
        token.createdAtMs() == null
            ? NONE
            : Formats.dateClock(token.createdAtMs(), zone)
                + (token.createdBy() == null ? "" : " by " + token.createdBy());
    return new TokenRow(
        token,
        token.kind().wireName(),
        token.role() == null ? NONE : token.role(),
        token.source() == TokenSource.CONFIG ? "config" : "managed",
        created);
  }

  /** The token's id. */
  public String id() {
    return token.id();
  }

  /** The token's name. */
  public String name() {
    return token.name();
  }

  /** True when the relay would let an admin revoke it. */
  public boolean revocable() {
    return token.isRevocable();
  }

  /** Why it cannot be revoked; empty when it can. */
  public String notRevocableReason() {
    return token.notRevocableReason() == null ? "" : token.notRevocableReason();
  }
}
