package dev.vigil.server.alert;

import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One detector's verdict on one condition (rule × host × sensor or device) at one moment. The
 * {@link AlertBook} turns a stream of these into alert transitions.
 *
 * @param key identifies the condition; one open alert per key at most
 * @param ruleId the rule that judged it
 * @param hostId the host concerned
 * @param hostName the host's name
 * @param sensorId the sensor concerned; {@code null} for host or device conditions
 * @param severity severity of an alert raised from this observation
 * @param minDuration how long the condition must hold before the alert fires
 * @param triggered whether the raising condition holds now
 * @param cleared whether a firing alert should resolve now (past the clear threshold)
 * @param value the observed value, in the sensor's unit; {@code null} when there is none
 * @param threshold the threshold judged against; {@code null} when there is none
 * @param describe builds the human sentence for the alert; called only when an alert is raised or
 *     changes, so that the common case (nothing happening) formats nothing
 * @param reason why, for alerts that carry one (agent offline: agent stopped or link lost); {@code
 *     null} otherwise
 */
public record Observation(
    AlertKey key,
    String ruleId,
    String hostId,
    String hostName,
    String sensorId,
    Severity severity,
    Duration minDuration,
    boolean triggered,
    boolean cleared,
    Double value,
    Double threshold,
    Supplier<String> describe,
    String reason) {

  /** An observation without a reason. */
  public Observation(
      AlertKey key,
      String ruleId,
      String hostId,
      String hostName,
      String sensorId,
      Severity severity,
      Duration minDuration,
      boolean triggered,
      boolean cleared,
      Double value,
      Double threshold,
      Supplier<String> describe) {
    this(
        key,
        ruleId,
        hostId,
        hostName,
        sensorId,
        severity,
        minDuration,
        triggered,
        cleared,
        value,
        threshold,
        describe,
        null);
  }

  /** The human sentence for the alert. */
  public String message() {
    return describe.get();
  }
}
