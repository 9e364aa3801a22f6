package dev.vigil.server.alert;

import dev.vigil.protocol.HostState;
import dev.vigil.protocol.SensorInfo;
import java.util.Map;

/** What the alert detectors may know about a host: identity, liveness and its sensor catalog. */
public interface AlertHost {
  /** The agent's host id. */
  String hostId();

  /** The host's human name. */
  String hostName();

  /** The labels the agent declared in its hello; empty when none. */
  default Map<String, String> labels() {
    return Map.of();
  }

  /** Current liveness. */
  HostState state();

  /** Why the host is stale or offline; {@code null} when online. */
  String stateReason();

  /** The catalog entry of a sensor, or {@code null} when the host has sent no such entry. */
  SensorInfo sensor(String sensorId);

  /**
   * An object replaced whenever the sensor catalog changes, compared by identity: while it stays
   * the same object, {@link #sensor} gives the same answers. Alert detectors' per-catalog work is
   * kept until it changes.
   */
  Object catalogIdentity();
}
