package dev.vigil.protocol;

/**
 * Dashboard to relay (operator or admin role): end a silence now. Answered by a {@link Result}; on
 * success every dashboard gets the new {@link SilenceList}.
 *
 * @param requestId chosen by the dashboard, echoed in the result
 * @param silenceId the silence to end
 */
public record SilenceDelete(String requestId, String silenceId) implements Message {}
