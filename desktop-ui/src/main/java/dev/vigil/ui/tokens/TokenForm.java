package dev.vigil.ui.tokens;

import dev.vigil.protocol.TokenCreate;
import dev.vigil.protocol.TokenKind;
import java.util.List;
import java.util.Optional;

/**
 * What the admin typed in the Create token dialog. Checked here for what the relay would refuse
 * anyway (an empty or too long name, an operator without a role), so the dialog can say so at once.
 *
 * @param kind operator or agent token
 * @param name the operator's name, or what the agent token is for
 * @param role operator tokens: {@code viewer}, {@code operator} or {@code admin}; ignored for
 *     agents
 */
public record TokenForm(TokenKind kind, String name, String role) {
  /** The roles an operator token may have, least first. */
  public static final List<String> ROLES = List.of("viewer", "operator", "admin");

  /** The role the dialog offers first: the least. */
  public static final String DEFAULT_ROLE = ROLES.get(0);

  /** An empty form for an operator token with the least role. */
  public static TokenForm blank() {
    return new TokenForm(TokenKind.OPERATOR, "", DEFAULT_ROLE);
  }

  /** Why the relay would refuse this form; empty when it reads as a request. */
  public Optional<String> problem() {
    if (kind == null) {
      return Optional.of("Choose operator or agent");
    }
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      return Optional.of("Give the token a name");
    }
    if (trimmed.length() > TokenCreate.MAX_NAME_LENGTH) {
      return Optional.of(
          "The name is "
              + trimmed.length()
              + " characters; at most "
              + TokenCreate.MAX_NAME_LENGTH);
    }
    if (kind == TokenKind.OPERATOR && (role == null || !ROLES.contains(role))) {
      return Optional.of("Choose the operator's role");
    }
    return Optional.empty();
  }

  /** The request for the relay; call only when {@link #problem()} is empty. */
  public TokenCreate request(String requestId) {
    return new TokenCreate(
        requestId, kind.wireName(), name.strip(), kind == TokenKind.OPERATOR ? role : null);
  }
}
