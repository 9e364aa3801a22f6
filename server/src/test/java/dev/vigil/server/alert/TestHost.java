package dev.vigil.server.alert;

import dev.vigil.protocol.HostState;
import dev.vigil.protocol.SensorInfo;
import java.util.HashMap;
import java.util.Map;

/** A host as the detectors see it: plain values the test sets. */
final class TestHost implements AlertHost {
  final String id;
  String name;
  HostState state = HostState.ONLINE;
  String reason;
  Map<String, String> labels = Map.of();
  private Map<String, SensorInfo> sensors = new HashMap<>();

  TestHost(String id, String name) {
    this.id = id;
    this.name = name;
  }

  /** Adds or replaces a catalog entry; like a new catalog, this changes the catalog identity. */
  TestHost with(SensorInfo info) {
    Map<String, SensorInfo> next = new HashMap<>(sensors);
    next.put(info.id(), info);
    sensors = next;
    return this;
  }

  @Override
  public String hostId() {
    return id;
  }

  @Override
  public String hostName() {
    return name;
  }

  @Override
  public Map<String, String> labels() {
    return labels;
  }

  @Override
  public HostState state() {
    return state;
  }

  @Override
  public String stateReason() {
    return reason;
  }

  @Override
  public SensorInfo sensor(String sensorId) {
    return sensors.get(sensorId);
  }

  @Override
  public Object catalogIdentity() {
    return sensors;
  }
}
