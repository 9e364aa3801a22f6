package dev.vigil.server.token;

import dev.vigil.protocol.RevokedTokenInfo;
import dev.vigil.protocol.TokenKind;
import java.util.Objects;

/**
 * A token an admin revoked, as the relay remembers it: the SHA-256 of its secret (never the
 * secret), its name, who revoked it and when.
 *
 * @param id the token's id
 * @param kind operator or agent
 * @param name the token's name
 * @param sha256 the secret's SHA-256, lowercase hex
 * @param revokedAtMs when (epoch milliseconds)
 * @param revokedBy the admin who revoked it
 */
public record RevokedToken(
    String id, TokenKind kind, String name, String sha256, long revokedAtMs, String revokedBy) {

  public RevokedToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(revokedBy, "revokedBy");
  }

  /** {@code token}, revoked by {@code by} at {@code atMs}. */
  static RevokedToken of(RelayToken token, String by, long atMs) {
    return new RevokedToken(token.id(), token.kind(), token.name(), token.sha256(), atMs, by);
  }

  /** As admins see it, and as a refusal of it describes it: no hash. */
  RevokedTokenInfo info() {
    return new RevokedTokenInfo(id, kind, name, revokedAtMs, revokedBy);
  }
}
