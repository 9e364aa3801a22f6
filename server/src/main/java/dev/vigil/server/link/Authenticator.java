package dev.vigil.server.link;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.RevokedTokenInfo;
import dev.vigil.protocol.Role;
import dev.vigil.protocol.TokenKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the token of a hello (or an HTTP bearer token) against the tokens the relay accepts now: a
 * token revoked a moment ago is refused on the next hello.
 */
public final class Authenticator {
  private final TokenDirectory tokens;

  /**
   * @param tokens the tokens the relay accepts
   */
  public Authenticator(TokenDirectory tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /** The outcome of a hello: accepted with the peer's display name, or rejected with a code. */
  public sealed interface Outcome {
    /**
     * Accepted; {@code name} is the host name (agent) or the operator name (dashboard), {@code
     * operatorRole} the dashboard token's role ({@code null} for agents), {@code tokenId} the id of
     * the token it authenticated with.
     */
    record Accepted(Role role, String name, OperatorRole operatorRole, String tokenId)
        implements Outcome {}

    /** Rejected with a close code and a precise reason. */
    record Rejected(int closeCode, String reason) implements Outcome {}
  }

  /** Authenticates a hello by its declared role. */
  public Outcome authenticate(Hello hello) {
    if (hello.peerId().isBlank()) {
      return new Outcome.Rejected(CloseCodes.INVALID_FIELD, "field 'peerId' must not be blank");
    }
    if (hello.role() == Role.AGENT) {
      Optional<Credential> agent = tokens.find(TokenKind.AGENT, hello.token());
      if (agent.isPresent()) {
        return new Outcome.Accepted(Role.AGENT, hello.name(), null, agent.get().tokenId());
      }
      return new Outcome.Rejected(
          CloseCodes.UNAUTHORIZED,
          tokens.find(TokenKind.OPERATOR, hello.token()).isPresent()
              ? "an operator token cannot be used by an agent; use an agent token"
              : unknown(TokenKind.AGENT, hello.token()));
    }
    Optional<Credential> operator = tokens.find(TokenKind.OPERATOR, hello.token());
    if (operator.isPresent()) {
      Credential c = operator.get();
      return new Outcome.Accepted(Role.DASHBOARD, c.name(), c.role(), c.tokenId());
    }
    return new Outcome.Rejected(
        CloseCodes.UNAUTHORIZED,
        tokens.find(TokenKind.AGENT, hello.token()).isPresent()
            ? "an agent token cannot be used by a dashboard; use an operator token"
            : unknown(TokenKind.OPERATOR, hello.token()));
  }

  /**
   * Why {@code token} is no operator token the relay accepts: revoked (by whom, when) or unknown.
   * For a token it accepts, says nothing useful; ask {@link #operatorName} first.
   */
  public String operatorRefusal(String token) {
    return unknown(TokenKind.OPERATOR, token);
  }

  /** Why a token the relay does not accept as {@code wanted} is refused. */
  private String unknown(TokenKind wanted, String token) {
    return tokens
        .revoked(token)
        .map(Authenticator::describe)
        .orElse(wanted == TokenKind.AGENT ? "unknown agent token" : "unknown operator token");
  }

  /** The role of an operator token; {@link OperatorRole#PLAIN_TOKEN_ROLE} when it is none. */
  public OperatorRole roleOf(String token) {
    return tokens
        .find(TokenKind.OPERATOR, token)
        .map(Credential::role)
        .orElse(OperatorRole.PLAIN_TOKEN_ROLE);
  }

  /** The operator name for an operator token, if it is one. */
  public Optional<String> operatorName(String token) {
    return tokens.find(TokenKind.OPERATOR, token).map(Credential::name);
  }

  /** E.g. {@code token 'night shift' was revoked by alice at 2026-12-02T09:15:00Z}. */
  static String describe(RevokedTokenInfo revoked) {
    return "token '"
        + revoked.name()
        + "' was revoked by "
        + revoked.revokedBy()
        + " at "
        + Instant.ofEpochMilli(revoked.revokedAtMs()).truncatedTo(ChronoUnit.SECONDS);
  }
}
