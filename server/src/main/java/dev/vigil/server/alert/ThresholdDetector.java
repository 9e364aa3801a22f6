package dev.vigil.server.alert;

import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorInfo;
import java.util.List;
import java.util.Map;

/** Applies one {@link AlertRule} to every matching sensor value of every sample. */
public final class ThresholdDetector implements AlertDetector {
  private final AlertRule rule;
  private final GlobPattern hosts;
  private final GlobPattern sensors;

  public ThresholdDetector(AlertRule rule) {
    this.rule = rule;
    this.hosts = GlobPattern.of(rule.hostPattern());
    this.sensors = GlobPattern.of(rule.sensorPattern());
  }

  @Override
  public void onSample(AlertHost host, Sample sample, List<Observation> out) {
    if (!hosts.matches(host.hostId()) && !hosts.matches(host.hostName())) {
      return;
    }
    for (Map.Entry<String, Double> entry : sample.values().entrySet()) {
      String sensorId = entry.getKey();
      if (!sensors.matches(sensorId)) {
        continue;
      }
      SensorInfo info = host.sensor(sensorId);
      if (rule.kind() != null && (info == null || info.kind() != rule.kind())) {
        continue;
      }
      double value = entry.getValue();
      boolean triggered = rule.comparison().triggers(value, rule.threshold());
      out.add(
          new Observation(
              Observation.key(rule.id(), host.hostId(), sensorId),
              rule.id(),
              host.hostId(),
              host.hostName(),
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
                      host.hostName())));
    }
  }
}
