package dev.vigil.protocol;

/**
 * Answer to a {@link Ping}, echoing its fields.
 *
 * @param nonce the ping's nonce
 * @param sentAtMs the ping's send time, on the ping sender's clock
 */
public record Pong(long nonce, long sentAtMs) implements Message {}
