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
 * @param changedAtMs when this alert last changed (state, acknowledgement, silence, flapping)
 * @param changedBy who changed it last: an operator name, or {@code "relay"}
 * @param silenced true while a silence matches it; notifications skip it
 * @param flapping true while it is held firing because it changed state too often
 * @param reason agent-offline alerts: {@code agent stopped} or {@code link lost}
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
    @OptionalField Acknowledgement ack,
    @OptionalField Long changedAtMs,
    @OptionalField String changedBy,
    @OptionalField Boolean silenced,
    @OptionalField Boolean flapping,
    @OptionalField String reason)
    implements Message {

  /** Who changes alerts when no operator does. */
  public static final String CHANGED_BY_RELAY = "relay";

  /** An alert without change, silence, flapping or reason fields. */
  public Alert(
      String id,
      String ruleId,
      String hostId,
      String hostName,
      String sensorId,
      Severity severity,
      AlertState state,
      String message,
      Double value,
      Double threshold,
      long startedAtMs,
      Long firingAtMs,
      Long resolvedAtMs,
      Acknowledgement ack) {
    this(
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
        ack,
        null,
        null,
        null,
        null,
        null);
  }

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
        ack,
        changedAtMs,
        changedBy,
        silenced,
        flapping,
        reason);
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
        ack,
        changedAtMs,
        changedBy,
        silenced,
        flapping,
        reason);
  }

  /** This alert, acknowledged; {@code null} takes the acknowledgement away. */
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
        acknowledgement,
        changedAtMs,
        changedBy,
        silenced,
        flapping,
        reason);
  }

  /** This alert, last changed at {@code atMs} by {@code by}. */
  public Alert withChange(long atMs, String by) {
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
        ack,
        atMs,
        by,
        silenced,
        flapping,
        reason);
  }

  /** This alert with its silenced and flapping marks; false is left out on the wire. */
  public Alert withMarks(boolean isSilenced, boolean isFlapping) {
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
        ack,
        changedAtMs,
        changedBy,
        isSilenced ? Boolean.TRUE : null,
        isFlapping ? Boolean.TRUE : null,
        reason);
  }

  /** This alert with a reason. */
  public Alert withReason(String newReason) {
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
        ack,
        changedAtMs,
        changedBy,
        silenced,
        flapping,
        newReason);
  }

  /** True while a silence matches this alert. */
  public boolean isSilenced() {
    return Boolean.TRUE.equals(silenced);
  }

  /** True while this alert is held firing as flapping. */
  public boolean isFlapping() {
    return Boolean.TRUE.equals(flapping);
  }
}
