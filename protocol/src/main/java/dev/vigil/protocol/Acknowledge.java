package dev.vigil.protocol;

/**
 * Dashboard to relay (operator or admin role): acknowledge an alert. The relay answers with a
 * {@link Result} carrying the same request id, and pushes the acknowledged {@link Alert} to every
 * dashboard.
 *
 * @param requestId chosen by the dashboard, echoed in the result
 * @param alertId the alert to acknowledge
 * @param comment what the operator wants to say; may be empty
 * @param expiresAtMs when the acknowledgement ends, epoch milliseconds (relay clock); an alert
 *     still firing then is un-acknowledged and pushed again. Absent: it never expires
 */
public record Acknowledge(
    String requestId,
    String alertId,
    @OptionalField String comment,
    @OptionalField Long expiresAtMs)
    implements Message {

  /** An acknowledgement that does not expire. */
  public Acknowledge(String requestId, String alertId, String comment) {
    this(requestId, alertId, comment, null);
  }
}
