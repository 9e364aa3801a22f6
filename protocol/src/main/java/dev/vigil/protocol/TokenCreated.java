package dev.vigil.protocol;

/**
 * Relay to the one dashboard whose {@link TokenCreate} succeeded, just before its {@link Result}:
 * the new token and its secret. The only time the secret travels: the relay keeps only its SHA-256.
 *
 * @param requestId the create request's id
 * @param token the new token, as listed
 * @param secret the token itself, for the peer's {@code hello} (32 random bytes, base64url without
 *     padding)
 */
public record TokenCreated(String requestId, TokenInfo token, String secret) implements Message {
  /** Never shows the secret, so that a logged message does not leak it. */
  @Override
  public String toString() {
    return "TokenCreated[requestId=" + requestId + ", token=" + token + ", secret=<hidden>]";
  }
}
