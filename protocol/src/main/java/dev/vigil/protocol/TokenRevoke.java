package dev.vigil.protocol;

/**
 * Dashboard to relay (admin role): revoke a token created by an admin. Every connection
 * authenticated with it is closed at once with {@link CloseCodes#UNAUTHORIZED}, and later hellos
 * with it are refused. Answered by a {@link Result}; on success every admin dashboard gets the new
 * {@link TokenList}.
 *
 * @param requestId chosen by the dashboard, echoed in the result
 * @param tokenId the token's {@link TokenInfo#id()}
 */
public record TokenRevoke(String requestId, String tokenId) implements Message {}
