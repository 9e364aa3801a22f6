package dev.vigil.protocol;

import java.util.List;

/**
 * Relay to admin dashboards only: every token the relay accepts, without secrets. Sent right after
 * an admin dashboard joins and to every admin dashboard whenever a token is created or revoked. Not
 * numbered on the dashboard stream (other roles must not see it, so it is never replayed).
 *
 * @param tokens operator tokens first, then agent tokens, each by name, then id
 * @param revoked the tokens admins revoked that the relay remembers, newest first; empty when none
 */
public record TokenList(List<TokenInfo> tokens, @OptionalField List<RevokedTokenInfo> revoked)
    implements Message {
  public TokenList {
    tokens = List.copyOf(tokens);
    revoked = revoked == null ? List.of() : List.copyOf(revoked);
  }

  /** A list without revoked tokens. */
  public TokenList(List<TokenInfo> tokens) {
    this(tokens, null);
  }
}
