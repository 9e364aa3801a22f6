package dev.vigil.ui.hosts;

import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.ui.format.AbsenceText;
import dev.vigil.ui.format.Formats;
import dev.vigil.ui.state.HostModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The short, honest sentences that summarise a host: its status, hottest temperature, CPU load and
 * fans (flagging a stopped fan). An absent reading says why; a value that has not arrived yet says
 * so. Stateless.
 */
public final class HostSummary {
  /** The sensor id of total CPU load. */
  public static final String CPU_LOAD_SENSOR_ID = "cpu.load";

  /** A fan reading below this speed counts as stopped, as in the relay's fan-stopped rule. */
  public static final double FAN_STOPPED_BELOW_RPM = 100;

  private static final String TEMPERATURE_NOUN = "temperature";
  private static final String FAN_NOUN = "fan";

  private HostSummary() {}

  /** The status colour for a host, taking the relay link into account. */
  public static StatusKind statusKind(HostStatus status, boolean relayLive) {
    if (status.state() == HostState.OFFLINE) {
      return StatusKind.OFFLINE;
    }
    if (!relayLive || status.state() == HostState.STALE) {
      return StatusKind.STALE;
    }
    return StatusKind.ONLINE;
  }

  /** E.g. "online", "stale: no sample for 15 s", "offline: agent stopped · last seen 2 min ago". */
  public static String statusText(HostModel host, boolean relayLive, long nowMs) {
    HostStatus status = host.status();
    String lastSeen = "last seen " + Formats.ago(host.lastHeardMs(), nowMs);
    String reason = status.reason() == null || status.reason().isBlank() ? null : status.reason();
    return switch (status.state()) {
      case ONLINE -> relayLive ? "online" : "not live: relay link down · was online, " + lastSeen;
      case STALE -> "stale: " + (reason != null ? reason : "no recent sample") + " · " + lastSeen;
      case OFFLINE -> "offline: " + (reason != null ? reason : "not connected") + " · " + lastSeen;
    };
  }

  /**
   * E.g. "Hottest 62.0 °C (Tctl)"; without temperatures "No temperature sensors (virtual machine)",
   * with every reason in the line's detail.
   */
  public static SummaryLine hottest(HostModel host) {
    List<SensorInfo> temps = sensorsOf(host, SensorKind.TEMPERATURE);
    SensorInfo hottest = null;
    double hottestValue = Double.NEGATIVE_INFINITY;
    for (SensorInfo sensor : temps) {
      OptionalDouble value = host.latest(sensor.id());
      if (sensor.isPresent() && value.isPresent() && value.getAsDouble() > hottestValue) {
        hottest = sensor;
        hottestValue = value.getAsDouble();
      }
    }
    if (hottest != null) {
      return SummaryLine.present(
          "Hottest "
              + Formats.value(hottestValue, SensorUnit.CELSIUS)
              + " ("
              + labelOf(hottest)
              + ")");
    }
    if (temps.stream().anyMatch(SensorInfo::isPresent)) {
      return SummaryLine.present("Temperature: waiting for the first sample");
    }
    return SummaryLine.absent(
        AbsenceText.brief(TEMPERATURE_NOUN, temps), AbsenceText.full(TEMPERATURE_NOUN, temps));
  }

  /** E.g. "CPU load 23.4 %" or "CPU load absent: not reported by this platform". */
  public static String cpuLoadText(HostModel host) {
    SensorInfo sensor = host.sensor(CPU_LOAD_SENSOR_ID).orElse(null);
    OptionalDouble value = host.latest(CPU_LOAD_SENSOR_ID);
    if (sensor != null && !sensor.isPresent()) {
      return "CPU load absent: " + sensor.absentReason();
    }
    if (value.isPresent()) {
      return "CPU load " + Formats.value(value.getAsDouble(), SensorUnit.PERCENT);
    }
    return sensor == null && host.sensors().isEmpty()
        ? "CPU load: no sensor catalog yet"
        : sensor == null ? "CPU load not reported" : "CPU load: waiting for the first sample";
  }

  /**
   * The fans line of a host: e.g. "3 fans, min 812 rpm", "No fan sensors (virtual machine)", or, as
   * a warning, "fan3 stopped (0 rpm) · 3 fans" when a fan that was seen spinning (or that an active
   * alert names) reads below {@link #FAN_STOPPED_BELOW_RPM}, and "fan alert on fan3 · …" while an
   * alert on a fan is active.
   *
   * @param alertedSensorIds the sensors of the host's active alerts
   */
  public static FanSummary fans(HostModel host, Set<String> alertedSensorIds) {
    List<SensorInfo> fans = sensorsOf(host, SensorKind.FAN);
    List<SensorInfo> present = fans.stream().filter(SensorInfo::isPresent).toList();
    if (present.isEmpty()) {
      return new FanSummary(
          SummaryLine.absent(AbsenceText.brief(FAN_NOUN, fans), AbsenceText.full(FAN_NOUN, fans)),
          false);
    }
    double min = Double.POSITIVE_INFINITY;
    int withValue = 0;
    List<SensorInfo> stopped = new ArrayList<>();
    List<SensorInfo> alerted = new ArrayList<>();
    for (SensorInfo fan : present) {
      OptionalDouble value = host.latest(fan.id());
      boolean alerting = alertedSensorIds.contains(fan.id());
      if (value.isPresent()) {
        withValue++;
        double rpm = value.getAsDouble();
        min = Math.min(min, rpm);
        boolean wasSpinning =
            host.range(fan.id()).map(r -> r.max() >= FAN_STOPPED_BELOW_RPM).orElse(false);
        if (rpm < FAN_STOPPED_BELOW_RPM && (wasSpinning || alerting)) {
          stopped.add(fan);
          continue;
        }
      }
      if (alerting) {
        alerted.add(fan);
      }
    }
    String count = present.size() == 1 ? "1 fan" : present.size() + " fans";
    if (!stopped.isEmpty()) {
      String slowest =
          stopped.size() == 1
              ? " ("
                  + Formats.value(host.latest(stopped.get(0).id()).getAsDouble(), SensorUnit.RPM)
                  + ")"
              : "";
      return FanSummary.of(labelsOf(stopped) + " stopped" + slowest + " · " + count, true);
    }
    String normal =
        withValue == 0
            ? count + ", waiting for the first sample"
            : count + ", min " + Formats.value(min, SensorUnit.RPM);
    if (!alerted.isEmpty()) {
      return FanSummary.of("fan alert on " + labelsOf(alerted) + " · " + normal, true);
    }
    return FanSummary.of(normal, false);
  }

  /**
   * A host's fans line and whether it warns.
   *
   * @param line what the tile shows
   * @param warning true when a fan stopped or an alert names a fan
   */
  public record FanSummary(SummaryLine line, boolean warning) {
    static FanSummary of(String text, boolean warning) {
      return new FanSummary(SummaryLine.present(text), warning);
    }
  }

  /**
   * One line of a tile.
   *
   * @param text what the tile shows, one short line
   * @param detail the same in full, for the tile's tooltip
   * @param absent true when it says why there are no readings
   */
  public record SummaryLine(String text, String detail, boolean absent) {
    static SummaryLine present(String text) {
      return new SummaryLine(text, text, false);
    }

    static SummaryLine absent(String text, String detail) {
      return new SummaryLine(text, detail, true);
    }
  }

  /** The label an operator recognises: the platform's raw label, else the id. */
  public static String labelOf(SensorInfo sensor) {
    return sensor.rawLabel() == null || sensor.rawLabel().isBlank()
        ? sensor.id()
        : sensor.rawLabel();
  }

  /** Labels as "key=value" pairs, comma separated, sorted by key. */
  public static String labelsText(Map<String, String> labels) {
    return labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String labelsOf(List<SensorInfo> sensors) {
    return sensors.stream().map(HostSummary::labelOf).collect(Collectors.joining(", "));
  }

  private static List<SensorInfo> sensorsOf(HostModel host, SensorKind kind) {
    return host.sensors().stream().filter(s -> s.kind() == kind).toList();
  }
}
