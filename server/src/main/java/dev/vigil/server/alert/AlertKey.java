package dev.vigil.server.alert;

/**
 * Identifies one alert condition: a rule on a host about a subject (a sensor, a device), or about
 * the host itself. The {@link AlertBook} keeps at most one open alert per key.
 *
 * @param ruleId the rule that judges the condition
 * @param hostId the host concerned
 * @param subject the sensor or device concerned; empty (never {@code null}) for the host itself
 */
public record AlertKey(String ruleId, String hostId, String subject) {
  public AlertKey {
    subject = subject == null ? "" : subject;
  }
}
