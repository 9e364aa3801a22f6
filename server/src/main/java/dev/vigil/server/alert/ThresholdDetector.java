package dev.vigil.server.alert;

import dev.vigil.protocol.SensorInfo;
import java.util.Map;

/** Applies one {@link AlertRule} to every matching sensor value of every sample. */
public final class ThresholdDetector implements SensorDetector {
  private final AlertRule rule;
  private final HostSelector hosts;
  private final GlobPattern sensors;

  public ThresholdDetector(AlertRule rule) {
    this.rule = rule;
    this.hosts = new HostSelector(rule.hostPattern(), rule.labels());
    this.sensors = GlobPattern.of(rule.sensorPattern());
  }

  @Override
  public SensorWatch watch(AlertHost host, String sensorId, SensorInfo info) {
    if (!hosts.matches(host)) {
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
              () -> describe(h, sensorId, info, value)));
    };
  }

  private String describe(AlertHost h, String sensorId, SensorInfo info, double value) {
    if (rule.messageTemplate() == null) {
      return SensorText.compared(
          info, sensorId, value, rule.comparison().symbol(), rule.threshold(), h.hostName());
    }
    var unit = info == null ? null : info.unit();
    return MessageTemplate.render(
        rule.messageTemplate(),
        Map.of(
            "host", h.hostName(),
            "hostId", h.hostId(),
            "sensor", SensorText.label(info, sensorId),
            "value", ValueFormat.withUnit(value, unit),
            "threshold", ValueFormat.withUnit(rule.threshold(), unit),
            "rule", rule.id(),
            "severity", rule.severity().name().toLowerCase(java.util.Locale.ROOT)));
  }
}
