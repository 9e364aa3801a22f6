package dev.vigil.protocol;

/**
 * Dashboard to relay: acknowledge an alert. The relay answers with a {@link Result} carrying the
 * same request id, and pushes the acknowledged {@link Alert} to every dashboard.
 *
 * @param requestId chosen by the dashboard, echoed in the result
 * @param alertId the alert to acknowledge
 * @param comment what the operator wants to say; may be empty
 */
public record Acknowledge(String requestId, String alertId, @OptionalField String comment)
    implements Message {}
