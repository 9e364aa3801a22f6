package dev.vigil.ui.tokens;

import dev.vigil.protocol.TokenInfo;

/**
 * A token this dashboard just created, with its secret: held only until the admin closes the dialog
 * that shows it, since the relay never sends it again.
 *
 * @param token the token as listed
 * @param secret the token itself
 */
public record NewToken(TokenInfo token, String secret) {
  /** Never shows the secret, so that a log line does not leak it. */
  @Override
  public String toString() {
    return "NewToken[token=" + token + ", secret=<hidden>]";
  }
}
