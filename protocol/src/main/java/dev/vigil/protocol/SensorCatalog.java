package dev.vigil.protocol;

import java.util.List;

/**
 * Every sensor of a host, present or absent; sent by the agent on connect and whenever the set
 * changes.
 *
 * @param hostId the agent's host id
 * @param timestampMs when the catalog was built, epoch milliseconds
 * @param sensors every sensor, in display order
 */
public record SensorCatalog(String hostId, long timestampMs, List<SensorInfo> sensors)
    implements Message {
  public SensorCatalog {
    sensors = List.copyOf(sensors);
  }
}
