package dev.vigil.protocol;

import java.util.List;

/**
 * Relay to admin dashboards only: every token the relay accepts, without secrets. Sent right after
 * an admin dashboard joins and to every admin dashboard whenever a token is created or revoked. Not
 * numbered on the dashboard stream (other roles must not see it, so it is never replayed).
 *
 * @param tokens operator tokens first, then agent tokens, each by name, then id
 */
public record TokenList(List<TokenInfo> tokens) implements Message {
  public TokenList {
    tokens = List.copyOf(tokens);
  }
}
