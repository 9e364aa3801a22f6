package dev.vigil.server.token;

import dev.vigil.protocol.TokenCreate;
import dev.vigil.protocol.TokenKind;
import dev.vigil.server.link.OperatorRole;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads a {@link TokenCreate} as a token to make, or says precisely what is wrong with it. */
final class TokenChecks {
  /** A request read: valid, with its parts, or refused with the reason. */
  sealed interface Reading {
    /** What to create; {@code role} is {@code null} for agent tokens. */
    record Valid(TokenKind kind, String name, OperatorRole role) implements Reading {}

    /** Why not. */
    record Invalid(String problem) implements Reading {}
  }

  private static final String KINDS =
      Arrays.stream(TokenKind.values())
          .map(TokenKind::wireName)
          .collect(Collectors.joining(" or "));

  private static final String ROLES =
      Arrays.stream(OperatorRole.values())
          .map(OperatorRole::wireName)
          .collect(Collectors.joining(", "))
          .replaceFirst(", ([a-z]+)$", " or $1");

  /** Characters of an unknown value echoed back in a refusal, at most. */
  static final int MAX_ECHOED_LENGTH = 32;

  private TokenChecks() {}

  static Reading read(TokenCreate request) {
    TokenKind kind = TokenKind.byWireName(request.kind());
    if (kind == null) {
      return invalid("unknown token kind " + quoted(request.kind()) + "; expected " + KINDS);
    }
    String name = request.name().strip();
    if (name.isEmpty()) {
      return invalid("token name must not be empty");
    }
    if (name.length() > TokenCreate.MAX_NAME_LENGTH) {
      return invalid(
          "token name is " + name.length() + " characters; at most " + TokenCreate.MAX_NAME_LENGTH);
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      return invalid("token name must not contain control characters");
    }
    if (kind == TokenKind.AGENT) {
      return request.role() == null
          ? new Reading.Valid(kind, name, null)
          : invalid("an agent token has no role; leave 'role' out");
    }
    if (request.role() == null) {
      return invalid("an operator token needs a role: " + ROLES);
    }
    OperatorRole role = OperatorRole.byWireName(request.role());
    if (role == null) {
      return invalid("unknown role " + quoted(request.role()) + "; expected " + ROLES);
    }
    return new Reading.Valid(kind, name, role);
  }

  /** {@code 'value'}, cut short past {@link #MAX_ECHOED_LENGTH} characters. */
  private static String quoted(String value) {
    return value.length() <= MAX_ECHOED_LENGTH
        ? "'" + value + "'"
        : "'" + value.substring(0, MAX_ECHOED_LENGTH) + "…'";
  }

  private static Reading invalid(String problem) {
    return new Reading.Invalid(problem);
  }
}
