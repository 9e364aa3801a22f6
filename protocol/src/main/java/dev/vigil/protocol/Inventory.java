package dev.vigil.protocol;

import java.util.List;

/**
 * The full device inventory of a host; sent on connect. Changes afterwards travel as {@link
 * DeviceEvent}s.
 *
 * @param hostId the agent's host id
 * @param timestampMs when the inventory was taken, epoch milliseconds
 * @param devices every device
 */
public record Inventory(String hostId, long timestampMs, List<Device> devices) implements Message {
  public Inventory {
    devices = List.copyOf(devices);
  }
}
