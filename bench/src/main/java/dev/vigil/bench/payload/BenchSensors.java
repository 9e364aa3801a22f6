package dev.vigil.bench.payload;

import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The sensors every simulated agent reports: the set a typical Linux server with hwmon shows, with
 * values inside every default alert threshold, so the benchmark measures fan-out and not alert
 * storms. One list serves both the catalog and the sample.
 */
public final class BenchSensors {
  /** Host ids of simulated agents are this prefix plus the agent index. */
  public static final String HOST_ID_PREFIX = "bench-";

  /** One sensor and its value on agent 0; other agents vary it slightly. */
  record Reading(String id, String rawLabel, SensorKind kind, SensorUnit unit, double value) {}

  static final List<Reading> READINGS =
      List.of(
          new Reading(
              "cpu.package.temperature", "Tctl", SensorKind.TEMPERATURE, SensorUnit.CELSIUS, 54.25),
          new Reading("cpu.voltage", "Vcore", SensorKind.VOLTAGE, SensorUnit.VOLTS, 1.224),
          new Reading("cpu.load", "cpu", SensorKind.LOAD, SensorUnit.PERCENT, 12.5),
          new Reading("cpu.core.0.load", "cpu0", SensorKind.LOAD, SensorUnit.PERCENT, 10.75),
          new Reading("cpu.core.1.load", "cpu1", SensorKind.LOAD, SensorUnit.PERCENT, 14.25),
          new Reading("hwmon.nct6775.in0", "Vcore", SensorKind.VOLTAGE, SensorUnit.VOLTS, 1.232),
          new Reading("hwmon.nct6775.fan1", "fan1", SensorKind.FAN, SensorUnit.RPM, 1180),
          new Reading("hwmon.nct6775.fan2", "fan2", SensorKind.FAN, SensorUnit.RPM, 940),
          new Reading(
              "hwmon.nvme_nvme0.temp1",
              "Composite",
              SensorKind.TEMPERATURE,
              SensorUnit.CELSIUS,
              41.85),
          new Reading("memory.used.percent", "memory", SensorKind.MEMORY, SensorUnit.PERCENT, 37.5),
          new Reading(
              "memory.used.bytes", "memory", SensorKind.MEMORY, SensorUnit.BYTES, 6.442450944E9),
          new Reading("fs.root.used.percent", "/", SensorKind.FILESYSTEM, SensorUnit.PERCENT, 48.5),
          new Reading(
              "disk.nvme0n1.read",
              "nvme0n1",
              SensorKind.DISK_IO,
              SensorUnit.BYTES_PER_SECOND,
              524288),
          new Reading(
              "disk.nvme0n1.write",
              "nvme0n1",
              SensorKind.DISK_IO,
              SensorUnit.BYTES_PER_SECOND,
              1048576),
          new Reading(
              "net.eth0.rx", "eth0", SensorKind.NETWORK_IO, SensorUnit.BYTES_PER_SECOND, 125000),
          new Reading(
              "net.eth0.tx", "eth0", SensorKind.NETWORK_IO, SensorUnit.BYTES_PER_SECOND, 62500));

  private BenchSensors() {}

  /** The host id of agent {@code agentIndex}. */
  public static String hostId(int agentIndex) {
    return HOST_ID_PREFIX + agentIndex;
  }

  /** The catalog agent {@code agentIndex} sends after its {@code welcome}. */
  public static SensorCatalog catalog(int agentIndex, long timestampMs) {
    List<SensorInfo> sensors = new ArrayList<>(READINGS.size());
    for (Reading r : READINGS) {
      sensors.add(SensorInfo.present(r.id(), r.rawLabel(), r.kind(), r.unit(), "bench"));
    }
    return new SensorCatalog(hostId(agentIndex), timestampMs, sensors);
  }

  /** The value of {@code reading} on agent {@code agentIndex}: within ±5 % of the base value. */
  static double valueOn(Reading reading, int agentIndex) {
    int step = Math.floorMod(agentIndex * 31 + reading.id().length(), 11) - 5;
    return Math.round(reading.value() * (100 + step)) / 100.0;
  }
}
