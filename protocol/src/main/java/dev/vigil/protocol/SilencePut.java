package dev.vigil.protocol;

/**
 * Dashboard to relay (operator or admin role): add a silence, or replace the one with the same id.
 * Answered by a {@link Result}; on success every dashboard gets the new {@link SilenceList}.
 *
 * @param requestId chosen by the dashboard, echoed in the result
 * @param silence the silence; its id is assigned by the relay when absent
 */
public record SilencePut(String requestId, Silence silence) implements Message {}
