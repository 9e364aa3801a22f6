package dev.vigil.server.link;

/**
 * What a token the relay accepts says about its holder.
 *
 * @param tokenId the token's id (a fingerprint of its secret), to find its connections again
 * @param name operator tokens: the operator's name; agent tokens: the token's own name
 * @param role operator tokens: the operator's role; {@code null} for agent tokens
 */
public record Credential(String tokenId, String name, OperatorRole role) {}
