package dev.vigil.server.link;

import dev.vigil.protocol.RevokedTokenInfo;
import dev.vigil.protocol.TokenKind;
import java.util.Optional;

/**
 * The tokens the relay accepts, looked up by secret: the seam between authentication and where
 * tokens are kept (configuration, and tokens admins created). Implementations are thread-safe:
 * transports and the relay core ask from their own threads.
 */
public interface TokenDirectory {
  /** The token of {@code kind} whose secret is {@code secret}; empty when there is none. */
  Optional<Credential> find(TokenKind kind, String secret);

  /** How the token whose secret is {@code secret} was revoked; empty when it was not. */
  default Optional<RevokedTokenInfo> revoked(String secret) {
    return Optional.empty();
  }
}
