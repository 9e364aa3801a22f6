package dev.vigil.server.alert;

import dev.vigil.protocol.SensorInfo;

/** Applies one {@link AlertRule} to every matching sensor value of every sample. */
public final class ThresholdDetector implements SensorDetector {
  private final AlertRule rule;
  private final GlobPattern hosts;
  private final GlobPattern sensors;

  public ThresholdDetector(AlertRule rule) {
    this.rule = rule;
    this.hosts = GlobPattern.of(rule.hostPattern());
    this.sensors = GlobPattern.of(rule.sensorPattern());
  }

  @Override
  public SensorWatch watch(AlertHost host, String sensorId, SensorInfo info) {
    if (!hosts.matches(host.hostId()) && !hosts.matches(host.hostName())) {
      return null;
    }
    if (!sensors.matches(sensorId)) {
      return null;
    }
    if (rule.kind() != null && (info == null || info.kind() != rule.kind())) {
      return null;
    }
    AlertKey key = new AlertKey(rule.id(), host.hostId(), sensorId);
    return (h, value, out) -> {
      boolean triggered = rule.comparison().triggers(value, rule.threshold());
      if (!out.matters(key, triggered)) {
        return;
      }
      out.add(
          new Observation(
              key,
              rule.id(),
              h.hostId(),
              h.hostName(),
              sensorId,
              rule.severity(),
              rule.minDuration(),
              triggered,
              rule.comparison().clears(value, rule.clearThreshold()),
              value,
              rule.threshold(),
              () ->
                  SensorText.compared(
                      info,
                      sensorId,
                      value,
                      rule.comparison().symbol(),
                      rule.threshold(),
                      h.hostName())));
    };
  }
}
