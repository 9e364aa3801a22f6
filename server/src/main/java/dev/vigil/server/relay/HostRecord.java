package dev.vigil.server.relay;

import dev.vigil.protocol.Hello;
import dev.vigil.protocol.HostSnapshot;
import dev.vigil.protocol.HostState;
import dev.vigil.protocol.HostStatus;
import dev.vigil.protocol.Inventory;
import dev.vigil.protocol.Sample;
import dev.vigil.protocol.SensorCatalog;
import dev.vigil.protocol.SensorInfo;
import dev.vigil.server.alert.AlertHost;
import dev.vigil.server.history.SampleRow;
import java.util.HashMap;
import java.util.Map;

/** Everything the relay knows about one host. Owned by the core thread; not thread-safe. */
final class HostRecord implements AlertHost {
  private final String hostId;
  private Hello hello;
  private HostState state = HostState.OFFLINE;
  private String reason;
  private long lastSeenMs;
  private long lastSampleMs;
  private long sampleIntervalMs;
  private SensorCatalog catalog;

  /** Replaced, never changed, on every catalog: its identity is the catalog identity. */
  private Map<String, SensorInfo> sensors = new HashMap<>();

  private final LatestValues latest = new LatestValues();
  private Inventory inventory;

  /** The connection currently speaking for this host; null when offline. */
  Peer agent;

  /** The host's numbered stream: de-duplication and acknowledgements. */
  final AgentStream stream = new AgentStream();

  HostRecord(String hostId) {
    this.hostId = hostId;
  }

  @Override
  public String hostId() {
    return hostId;
  }

  @Override
  public String hostName() {
    return hello == null ? hostId : hello.name();
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

  long lastSampleMs() {
    return lastSampleMs;
  }

  /** The sampling interval the agent declared or a command set; 0 when unknown. */
  long sampleIntervalMs() {
    return sampleIntervalMs;
  }

  void setSampleIntervalMs(Long intervalMs) {
    sampleIntervalMs = intervalMs == null ? 0 : intervalMs;
  }

  Inventory inventory() {
    return inventory;
  }

  void connected(Hello newHello, Peer peer, long nowMs) {
    hello = newHello;
    agent = peer;
    lastSeenMs = nowMs;
    lastSampleMs = nowMs;
  }

  void seen(long nowMs) {
    lastSeenMs = nowMs;
  }

  /** Sets the liveness; returns true when it changed. */
  boolean setState(HostState newState, String newReason) {
    if (state == newState && java.util.Objects.equals(reason, newReason)) {
      return false;
    }
    state = newState;
    reason = newReason;
    return true;
  }

  void catalog(SensorCatalog newCatalog) {
    catalog = newCatalog;
    Map<String, SensorInfo> byId = new HashMap<>();
    for (SensorInfo info : newCatalog.sensors()) {
      byId.put(info.id(), info);
    }
    sensors = byId;
  }

  /** Records {@code sample}; returns its history row when {@code wantRow}, else null. */
  SampleRow sample(Sample sample, long nowMs, boolean wantRow) {
    lastSampleMs = nowMs;
    return latest.update(sample, wantRow);
  }

  void inventory(Inventory newInventory) {
    inventory = newInventory;
  }

  @Override
  public Map<String, String> labels() {
    return hello == null ? Map.of() : hello.labels();
  }

  HostStatus status() {
    Hello h = hello;
    return new HostStatus(
        hostId,
        hostName(),
        state,
        lastSeenMs,
        h == null ? Map.of() : h.labels(),
        h != null && h.isSimulated(),
        h == null ? null : h.platform(),
        reason);
  }

  HostSnapshot snapshot() {
    return new HostSnapshot(status(), catalog, latest.toSample(hostId), inventory);
  }
}
