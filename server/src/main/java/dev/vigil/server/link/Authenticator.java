package dev.vigil.server.link;

import dev.vigil.protocol.CloseCodes;
import dev.vigil.protocol.Hello;
import dev.vigil.protocol.Role;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks the token of a hello (or an HTTP bearer token) against the configured tokens. */
public final class Authenticator {
  private final Set<String> agentTokens;
  private final Map<String, String> operatorTokens;
  private final Map<String, OperatorRole> operatorRoles;

  /** Every operator token has {@link OperatorRole#PLAIN_TOKEN_ROLE}. */
  public Authenticator(Set<String> agentTokens, Map<String, String> operatorTokens) {
    this(agentTokens, operatorTokens, Map.of());
  }

  /**
   * @param operatorRoles operator token to role; a token not listed has {@link
   *     OperatorRole#PLAIN_TOKEN_ROLE}
   */
  public Authenticator(
      Set<String> agentTokens,
      Map<String, String> operatorTokens,
      Map<String, OperatorRole> operatorRoles) {
    this.agentTokens = Set.copyOf(agentTokens);
    this.operatorTokens = Map.copyOf(operatorTokens);
    this.operatorRoles = Map.copyOf(operatorRoles);
  }

  /** The outcome of a hello: accepted with the peer's display name, or rejected with a code. */
  public sealed interface Outcome {
    /**
     * Accepted; {@code name} is the host name (agent) or the operator name (dashboard), {@code
     * operatorRole} the dashboard token's role ({@code null} for agents).
     */
    record Accepted(Role role, String name, OperatorRole operatorRole) implements Outcome {}

    /** Rejected with a close code and a precise reason. */
    record Rejected(int closeCode, String reason) implements Outcome {}
  }

  /** Authenticates a hello by its declared role. */
  public Outcome authenticate(Hello hello) {
    if (hello.peerId().isBlank()) {
      return new Outcome.Rejected(CloseCodes.INVALID_FIELD, "field 'peerId' must not be blank");
    }
    if (hello.role() == Role.AGENT) {
      if (agentTokens.contains(hello.token())) {
        return new Outcome.Accepted(Role.AGENT, hello.name(), null);
      }
      return new Outcome.Rejected(
          CloseCodes.UNAUTHORIZED,
          operatorTokens.containsKey(hello.token())
              ? "an operator token cannot be used by an agent; use an agent token"
              : "unknown agent token");
    }
    Optional<String> operator = operatorName(hello.token());
    if (operator.isPresent()) {
      return new Outcome.Accepted(Role.DASHBOARD, operator.get(), roleOf(hello.token()));
    }
    return new Outcome.Rejected(
        CloseCodes.UNAUTHORIZED,
        agentTokens.contains(hello.token())
            ? "an agent token cannot be used by a dashboard; use an operator token"
            : "unknown operator token");
  }

  /** The role of an operator token. */
  public OperatorRole roleOf(String token) {
    return operatorRoles.getOrDefault(token, OperatorRole.PLAIN_TOKEN_ROLE);
  }

  /** The operator name for an operator token, if it is one. */
  public Optional<String> operatorName(String token) {
    return Optional.ofNullable(token == null ? null : operatorTokens.get(token));
  }
}
