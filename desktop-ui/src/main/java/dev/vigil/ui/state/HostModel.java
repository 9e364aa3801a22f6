package dev.vigil.ui.state;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.SensorInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the dashboard knows about one host: status, sensor catalog, latest values with a bounded
 * history and the range seen per sensor, and the device inventory. Confined to the UI thread.
 */
public final class HostModel {
  /** Points kept per sensor for charts: 10 minutes at the agents' default 1 Hz. */
  public static final int HISTORY_POINTS = 600;

  private HostStatus status;
  private final Map<String, SensorInfo> sensors = new LinkedHashMap<>();
  private final Map<String, Double> latest = new HashMap<>();
  private final Map<String, SeriesHistory> history = new HashMap<>();
  private final Map<String, ValueRange> ranges = new HashMap<>();
  private final Map<String, Device> devices = new LinkedHashMap<>();
  private long latestSampleMs;
  private int catalogRevision;
  private int inventoryRevision;

  HostModel(HostStatus status) {
    this.status = status;
  }

  /** Liveness and identity as the relay last reported them. */
  public HostStatus status() {
    return status;
  }

  /** The host id. */
  public String hostId() {
    return status.hostId();
  }

  /** Every sensor in the host's catalog, present or absent, in catalog order. */
  public Collection<SensorInfo> sensors() {
    return Collections.unmodifiableCollection(sensors.values());
  }

  /** The catalog entry of a sensor, if the catalog names it. */
  public Optional<SensorInfo> sensor(String sensorId) {
    return Optional.ofNullable(sensors.get(sensorId));
  }

  /** The latest value of a sensor, if the host has sent one. */
  public OptionalDouble latest(String sensorId) {
    Double value = latest.get(sensorId);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The recent values of a sensor, if any arrived. */
  public Optional<SeriesHistory> history(String sensorId) {
    return Optional.ofNullable(history.get(sensorId));
  }

  /** The smallest and largest value of a sensor since this dashboard started watching. */
  public Optional<ValueRange> range(String sensorId) {
    return Optional.ofNullable(ranges.get(sensorId));
  }

  /**
   * The last sign of life: the later of the relay's last-seen time and the latest sample's time,
   * epoch milliseconds. Host status messages only come on changes, so samples are often newer.
   */
  public long lastHeardMs() {
    return Math.max(status.lastSeenMs(), latestSampleMs);
  }

  /** When the latest sample was read on the host, epoch milliseconds; 0 before any. */
  public long latestSampleMs() {
    return latestSampleMs;
  }

  /** The host's devices, in the order the agent listed them. */
  public List<Device> devices() {
    return List.copyOf(devices.values());
  }

  /** Changes whenever the sensor catalog changes. */
  public int catalogRevision() {
    return catalogRevision;
  }

  /** Changes whenever the device inventory changes. */
  public int inventoryRevision() {
    return inventoryRevision;
  }

  void applyStatus(HostStatus newStatus) {
    status = newStatus;
  }

  void applyCatalog(SensorCatalog catalog) {
    sensors.clear();
    for (SensorInfo sensor : catalog.sensors()) {
      sensors.put(sensor.id(), sensor);
    }
    latest.keySet().removeIf(id -> sensors.containsKey(id) && !sensors.get(id).isPresent());
    catalogRevision++;
  }

  void applySample(Sample sample) {
    boolean newest = sample.timestampMs() >= latestSampleMs;
    for (Map.Entry<String, Double> value : sample.values().entrySet()) {
      String id = value.getKey();
      double v = value.getValue();
      history
          .computeIfAbsent(id, k -> new SeriesHistory(HISTORY_POINTS))
          .add(sample.timestampMs(), v);
      ranges.computeIfAbsent(id, k -> new ValueRange()).include(v);
      if (newest) {
        latest.put(id, v);
      }
    }
    if (newest) {
      latestSampleMs = sample.timestampMs();
    }
  }

  void applyInventory(Inventory inventory) {
    devices.clear();
    for (Device device : inventory.devices()) {
      devices.put(device.id(), device);
    }
    inventoryRevision++;
  }

  void applyEvent(DeviceEvent event) {
    Device device = event.device();
    switch (event.kind()) {
      case DEVICE_REMOVED -> devices.remove(device.id());
      case DEVICE_ADDED, DEVICE_CHANGED, LED_CHANGED -> devices.put(device.id(), device);
    }
    inventoryRevision++;
  }

  /** The ids of every sensor that has a value or a catalog entry, catalog order first. */
  public List<String> knownSensorIds() {
    List<String> ids = new ArrayList<>(sensors.keySet());
    for (String id : latest.keySet()) {
      if (!sensors.containsKey(id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
