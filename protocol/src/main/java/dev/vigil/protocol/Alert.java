package dev.vigil.protocol;

/**
 * Relay to dashboard: an alert, sent whole on every transition.
 *
 * @param id unique alert id
 * @param ruleId the rule that raised it
 * @param hostId the host it concerns
 * @param hostName the host's name, so the alert reads on its own
 * @param sensorId the sensor it concerns; {@code null} for host-level alerts (e.g. agent offline)
 * @param severity how urgent
 * @param state pending, firing or resolved
 * @param message human sentence, e.g. "CPU package 92.5 °C ≥ 85 °C on rack-07"
 * @param value the value that triggered or last updated it, in the sensor's unit
 * @param threshold the rule's threshold, in the sensor's unit
 * @param startedAtMs when the condition first held
 * @param firingAtMs when it started firing
 * @param resolvedAtMs when it resolved
 * @param ack the acknowledgement, once an operator has acknowledged it
 */
public record Alert(
    String id,
    String ruleId,
    String hostId,
    String hostName,
    @OptionalField String sensorId,
    Severity severity,
    AlertState state,
    String message,
    @OptionalField Double value,
    @OptionalField Double threshold,
    long startedAtMs,
    @OptionalField Long firingAtMs,
    @OptionalField Long resolvedAtMs,
    @OptionalField Acknowledgement ack)
    implements Message {

  /** This alert with another state and times. */
  public Alert withState(AlertState newState, Double newValue, Long firingAt, Long resolvedAt) {
    return new Alert(
        id,
        ruleId,
        hostId,
        hostName,
        sensorId,
        severity,
        newState,
        message,
        newValue,
        threshold,
        startedAtMs,
        firingAt,
        resolvedAt,
        ack);
  }

  /** This alert with a new message. */
  public Alert withMessage(String newMessage) {
    return new Alert(
        id,
        ruleId,
        hostId,
        hostName,
        sensorId,
        severity,
        state,
        newMessage,
        value,
        threshold,
        startedAtMs,
        firingAtMs,
        resolvedAtMs,
        ack);
  }

  /** This alert, acknowledged. */
  public Alert withAck(Acknowledgement acknowledgement) {
    return new Alert(
        id,
        ruleId,
        hostId,
        hostName,
        sensorId,
        severity,
        state,
        message,
        value,
        threshold,
        startedAtMs,
        firingAtMs,
        resolvedAtMs,
        acknowledgement);
  }
}
