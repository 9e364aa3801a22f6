package dev.vigil.server.alert;

import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A threshold rule on a sensor series, with hysteresis and a minimum duration.
 *
 * @param id unique rule id, e.g. {@code cpu-hot}
 * @param description human description; generated when {@code null}
 * @param hostPattern glob ({@code *}, {@code ?}) on host id or host name
 * @param sensorPattern glob on sensor id, e.g. {@code fs.*.used.percent}
 * @param kind the sensor kind the rule applies to, from the host's catalog; {@code null} for any
 * @param comparison which side of the threshold raises the alert
 * @param threshold the value that raises the alert, in the sensor's unit
 * @param clearThreshold the value past which a firing alert resolves (hysteresis), in the sensor's
 *     unit
 * @param minDuration how long the condition must hold before the alert fires; zero fires at once
 * @param severity how urgent the alert is
 * @param labels host labels that must all have exactly these values; empty for any host
 * @param messageTemplate the alert message with {@link MessageTemplate} placeholders; {@code null}
 *     for the relay's own wording
 */
public record AlertRule(
    String id,
    String description,
    String hostPattern,
    String sensorPattern,
    SensorKind kind,
    Comparison comparison,
    double threshold,
    double clearThreshold,
    Duration minDuration,
    Severity severity,
    Map<String, String> labels,
    String messageTemplate) {

  public AlertRule {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    if (messageTemplate != null && MessageTemplate.problem(messageTemplate) != null) {
      throw new IllegalArgumentException(
          "rule " + id + ": " + MessageTemplate.problem(messageTemplate));
    }
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("rule id must not be blank");
    }
    Objects.requireNonNull(hostPattern, "hostPattern");
    Objects.requireNonNull(sensorPattern, "sensorPattern");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(minDuration, "minDuration");
    Objects.requireNonNull(severity, "severity");
    if (minDuration.isNegative()) {
      throw new IllegalArgumentException("rule " + id + ": minDuration must not be negative");
    }
    if (Double.isNaN(threshold) || Double.isNaN(clearThreshold)) {
      throw new IllegalArgumentException("rule " + id + ": thresholds must be numbers");
    }
    if (comparison.triggers(clearThreshold, threshold) && clearThreshold != threshold) {
      throw new IllegalArgumentException(
          "rule "
              + id
              + ": clearThreshold "
              + clearThreshold
              + " must be on the other side of threshold "
              + threshold);
    }
    if (description == null || description.isBlank()) {
      description =
          sensorPattern
              + " "
              + comparison.symbol()
              + " "
              + ValueFormat.number(threshold)
              + (minDuration.isZero() ? "" : " for " + ValueFormat.duration(minDuration));
    }
  }

  /** A rule without label selector or message template. */
  public AlertRule(
      String id,
      String description,
      String hostPattern,
      String sensorPattern,
      SensorKind kind,
      Comparison comparison,
      double threshold,
      double clearThreshold,
      Duration minDuration,
      Severity severity) {
    this(
        id,
        description,
        hostPattern,
        sensorPattern,
        kind,
        comparison,
        threshold,
        clearThreshold,
        minDuration,
        severity,
        Map.of(),
        null);
  }

  /** A rule raised at or above {@code threshold} on any host and any sensor kind. */
  public static AlertRule above(
      String id,
      String sensorPattern,
      double threshold,
      double clearThreshold,
      Duration minDuration,
      Severity severity) {
    return anyHost(
        id, sensorPattern, Comparison.ABOVE, threshold, clearThreshold, minDuration, severity);
  }

  /** A rule raised at or below {@code threshold} on any host and any sensor kind. */
  public static AlertRule below(
      String id,
      String sensorPattern,
      double threshold,
      double clearThreshold,
      Duration minDuration,
      Severity severity) {
    return anyHost(
        id, sensorPattern, Comparison.BELOW, threshold, clearThreshold, minDuration, severity);
  }

  private static AlertRule anyHost(
      String id,
      String sensorPattern,
      Comparison comparison,
      double threshold,
      double clearThreshold,
      Duration minDuration,
      Severity severity) {
    return new AlertRule(
        id,
        null,
        "*",
        sensorPattern,
        null,
        comparison,
        threshold,
        clearThreshold,
        minDuration,
        severity);
  }

  /** This rule restricted to hosts matching {@code pattern}. */
  public AlertRule onHosts(String pattern) {
    return new AlertRule(
        id,
        description,
        pattern,
        sensorPattern,
        kind,
        comparison,
        threshold,
        clearThreshold,
        minDuration,
        severity,
        labels,
        messageTemplate);
  }

  /** This rule restricted to sensors of {@code sensorKind}. */
  public AlertRule ofKind(SensorKind sensorKind) {
    return new AlertRule(
        id,
        description,
        hostPattern,
        sensorPattern,
        sensorKind,
        comparison,
        threshold,
        clearThreshold,
        minDuration,
        severity,
        labels,
        messageTemplate);
  }
}
