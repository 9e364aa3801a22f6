package dev.vigil.protocol;

/**
 * An alert rule as configured on the relay, sent to dashboards and edited by admins.
 *
 * @param id unique rule id: letters, digits, {@code .}, {@code _}, {@code -}
 * @param kind what the rule watches
 * @param selector which hosts, sensors or devices it applies to
 * @param comparator threshold rules: which side of the threshold raises the alert
 * @param threshold threshold rules: the value that raises the alert, in the sensor's unit
 * @param clearThreshold threshold rules: the value past which a firing alert resolves (hysteresis);
 *     absent means the threshold itself
 * @param minDurationMs how long the condition must hold before the alert fires (for {@code
 *     agent.offline}: how long the host stays offline); absent means at once
 * @param severity how urgent its alerts are
 * @param messageTemplate the alert message with placeholders such as {@code {host}}, {@code
 *     {sensor}}, {@code {value}}, {@code {threshold}}, {@code {device}}; absent for the relay's own
 *     wording
 * @param description human description of the rule
 */
public record RuleDefinition(
    String id,
    RuleKind kind,
    RuleSelector selector,
    @OptionalField Comparator comparator,
    @OptionalField Double threshold,
    @OptionalField Double clearThreshold,
    @OptionalField Long minDurationMs,
    Severity severity,
    @OptionalField String messageTemplate,
    @OptionalField String description) {

  /** {@link #minDurationMs}, 0 when absent. */
  public long minDurationMsOrZero() {
    return minDurationMs == null ? 0 : minDurationMs;
  }
}
