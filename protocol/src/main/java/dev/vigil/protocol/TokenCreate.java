package dev.vigil.protocol;

/**
 * Dashboard to relay (admin role): create a token. On success the relay sends {@link TokenCreated},
 * with the secret, to this dashboard only, then a successful {@link Result}; every admin dashboard
 * gets the new {@link TokenList}. Kind and role are strings, not enumerations, so that a value this
 * relay does not know is refused with a failed result naming it rather than by closing the link.
 *
 * @param requestId chosen by the dashboard, echoed in the result
 * @param kind {@code operator} or {@code agent} ({@link TokenKind#wireName()})
 * @param name the operator's name, or what the agent token is for: 1 to {@link #MAX_NAME_LENGTH}
 *     characters, no control characters, leading and trailing blanks dropped
 * @param role operator tokens: {@code viewer}, {@code operator} or {@code admin}; agent tokens:
 *     absent
 */
public record TokenCreate(String requestId, String kind, String name, @OptionalField String role)
    implements Message {

  /** The longest token name the relay takes, in characters. */
  public static final int MAX_NAME_LENGTH = 64;
}
