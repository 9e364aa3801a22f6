package dev.vigil.protocol;

import java.util.Map;

/**
 * A change in a host's inventory: a device added, removed or changed, or an LED turned on or off.
 *
 * @param hostId the host the device belongs to
 * @param timestampMs when the agent saw the change, epoch milliseconds
 * @param kind what happened
 * @param device the device as it is now (as it was, for a removal)
 * @param previous for changes: the previous value of each attribute that changed; empty otherwise
 */
public record DeviceEvent(
    String hostId,
    long timestampMs,
    EventKind kind,
    Device device,
    @OptionalField Map<String, String> previous)
    implements Message {
  public DeviceEvent {
    previous = previous == null ? Map.of() : Map.copyOf(previous);
  }
}
