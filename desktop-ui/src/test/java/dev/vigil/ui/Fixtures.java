package dev.vigil.ui;

import dev.vigil.protocol.Alert;
import dev.vigil.protocol.AlertState;
import dev.vigil.protocol.HostSnapshot;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Message;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import dev.vigil.protocol.Severity;
import dev.vigil.protocol.Snapshot;
import dev.vigil.ui.connection.ConnectionStatus;
import dev.vigil.ui.connection.RelayEvent;
import dev.vigil.ui.state.DashboardState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Protocol records and helpers shared by the view-model tests. */
public final class Fixtures {
  public static final long T0 = 1_700_000_000_000L;

  public static final SensorInfo CPU_TEMP =
      SensorInfo.present(
          "cpu.package.temperature",
          "CPU package",
          SensorKind.TEMPERATURE,
          SensorUnit.CELSIUS,
          "oshi");
  public static final SensorInfo NVME_TEMP =
      SensorInfo.present(
          "hwmon.nvme.temp1", "Composite", SensorKind.TEMPERATURE, SensorUnit.CELSIUS, "hwmon");
  public static final SensorInfo CPU_LOAD =
      SensorInfo.present("cpu.load", "CPU load", SensorKind.LOAD, SensorUnit.PERCENT, "oshi");
  public static final SensorInfo FAN1 =
      SensorInfo.present("fan.1", "fan1", SensorKind.FAN, SensorUnit.RPM, "hwmon");
  public static final SensorInfo FAN2 =
      SensorInfo.present("fan.2", "fan2", SensorKind.FAN, SensorUnit.RPM, "hwmon");
  public static final SensorInfo ABSENT_TEMP =
      SensorInfo.absent(
          "cpu.package.temperature",
          "CPU package",
          SensorKind.TEMPERATURE,
          SensorUnit.CELSIUS,
          "oshi",
          "no CPU temperature sensor exposed (virtual machine: KVM)");
  public static final SensorInfo ABSENT_FANS =
      SensorInfo.absent("fan", "fans", SensorKind.FAN, SensorUnit.RPM, "oshi", "no fans reported");

  private Fixtures() {}

  public static HostStatus online(String id, String name) {
    return new HostStatus(id, name, HostState.ONLINE, T0, Map.of(), false, "Linux 6.1 amd64", null);
  }

  public static HostStatus status(String id, HostState state, long lastSeenMs, String reason) {
    return new HostStatus(id, id, state, lastSeenMs, Map.of(), false, null, reason);
  }

  public static SensorCatalog catalog(String hostId, SensorInfo... sensors) {
    return new SensorCatalog(hostId, T0, Arrays.asList(sensors));
  }

  public static Sample sample(String hostId, long timeMs, Map<String, Double> values) {
    return new Sample(hostId, timeMs, values);
  }

  public static Alert alert(
      String id, String hostId, Severity severity, AlertState state, long startedAtMs) {
    return new Alert(
        id,
        "rule-" + id,
        hostId,
        hostId,
        "cpu.package.temperature",
        severity,
        state,
        "CPU package hot on " + hostId,
        90.0,
        85.0,
        startedAtMs,
        state == AlertState.PENDING ? null : startedAtMs,
        state == AlertState.RESOLVED ? startedAtMs + 1_000 : null,
        null);
  }

  public static Snapshot snapshot(List<HostSnapshot> hosts, List<Alert> alerts) {
    return new Snapshot(T0, hosts, alerts, List.of());
  }

  /** Applies messages to the state as one batch, as the pump would, on a live link. */
  public static void apply(DashboardState state, Message... messages) {
    state.apply(Arrays.stream(messages).map(m -> (RelayEvent) new RelayEvent.Received(m)).toList());
  }

  /** Marks the link live, as after a welcome. */
  public static void connect(DashboardState state) {
    state.apply(List.of(new RelayEvent.StatusChanged(ConnectionStatus.connected("relay-1"))));
  }
}
