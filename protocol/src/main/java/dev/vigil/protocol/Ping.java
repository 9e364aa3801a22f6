package dev.vigil.protocol;

/**
 * Heartbeat probe; either side may send it, the other answers with a {@link Pong} echoing both
 * fields.
 *
 * @param nonce value chosen by the sender, echoed back
 * @param sentAtMs sender's clock when sent, echoed back so the sender can compute round-trip time
 */
public record Ping(long nonce, long sentAtMs) implements Message {}
