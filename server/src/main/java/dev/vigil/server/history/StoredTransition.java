package dev.vigil.server.history;

/**
 * An alert transition (or acknowledgement) as stored.
 *
 * @param alertId the alert
 * @param hostId its host
 * @param state wire name of its state after the change
 * @param severity wire name of its severity
 * @param timestampMs when the relay broadcast the change
 * @param by the operator who acknowledged it; null when not acknowledged
 * @param json the whole alert body as the codec encodes it, so fields added later are kept
 */
public record StoredTransition(
    String alertId,
    String hostId,
    String state,
    String severity,
    long timestampMs,
    String by,
    String json) {}
