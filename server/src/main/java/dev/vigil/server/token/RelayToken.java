package dev.vigil.server.token;

import dev.vigil.protocol.TokenKind;
import dev.vigil.protocol.TokenSource;
import dev.vigil.server.link.Credential;
import dev.vigil.server.link.OperatorRole;
import java.util.Objects;

/**
 * A token the relay accepts, as it keeps it: the SHA-256 of the secret, never the secret.
 *
 * @param id the first {@link TokenSecrets#ID_HEX_DIGITS} hex digits of {@code sha256}
 * @param kind operator or agent
 * @param name operator's name, or what the agent token is for
 * @param role operator tokens' role; {@code null} for agent tokens
 * @param source configuration, or created by an admin
 * @param sha256 the secret's SHA-256, lowercase hex
 * @param createdAtMs managed tokens: when created (epoch milliseconds); {@code null} for config
 * @param createdBy managed tokens: the admin who created it; {@code null} for config
 */
public record RelayToken(
    String id,
    TokenKind kind,
    String name,
    OperatorRole role,
    TokenSource source,
    String sha256,
    Long createdAtMs,
    String createdBy) {

  /** Name listed for an agent token from the configuration, which names none. */
  public static final String CONFIG_AGENT_NAME = "agent token (config)";

  public RelayToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
    if ((kind == TokenKind.OPERATOR) != (role != null)) {
      throw new IllegalArgumentException("operator tokens, and only they, have a role: " + kind);
    }
  }

  /** A token from the relay's configuration, from its secret. */
  static RelayToken configured(TokenKind kind, String secret, String name, OperatorRole role) {
    String hash = TokenSecrets.sha256(secret);
    return new RelayToken(
        TokenSecrets.idOfHash(hash), kind, name, role, TokenSource.CONFIG, hash, null, null);
  }

  /** True for operator tokens with the admin role. */
  public boolean isAdmin() {
    return role == OperatorRole.ADMIN;
  }

  /** What authentication learns from it. */
  Credential credential() {
    return new Credential(id, name, role);
  }
}
