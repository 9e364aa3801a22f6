package dev.vigil.agent.inventory;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns two inventories into hot-plug events: {@code device.added}, {@code device.removed}, {@code
 * device.changed} (with the previous value of each changed attribute) and {@code led.changed} for
 * an LED whose brightness changed. Stateless.
 */
public final class InventoryDiff {
  /** Attribute of an LED that makes a change an {@code led.changed} event. */
  public static final String BRIGHTNESS = "brightness";

  /** Previous value recorded for an attribute that did not exist before. */
  public static final String NO_VALUE = "";

  private InventoryDiff() {}

  /** The events that lead from {@code before} to {@code after}, removals first, then by id. */
  public static List<DeviceEvent> between(
      List<Device> before, List<Device> after, String hostId, long timestampMs) {
    Map<String, Device> old = byId(before);
    Map<String, Device> now = byId(after);
    List<DeviceEvent> events = new ArrayList<>();
    for (Device d : old.values()) {
      if (!now.containsKey(d.id())) {
        events.add(new DeviceEvent(hostId, timestampMs, EventKind.DEVICE_REMOVED, d, Map.of()));
      }
    }
    for (Device d : now.values()) {
      Device was = old.get(d.id());
      if (was == null) {
        events.add(new DeviceEvent(hostId, timestampMs, EventKind.DEVICE_ADDED, d, Map.of()));
      } else if (!was.equals(d)) {
        Map<String, String> previous = previousValues(was.attributes(), d.attributes());
        events.add(new DeviceEvent(hostId, timestampMs, kindOf(d, previous), d, previous));
      }
    }
    return events;
  }

  private static EventKind kindOf(Device d, Map<String, String> previous) {
    return d.kind() == DeviceKind.LED && previous.containsKey(BRIGHTNESS)
        ? EventKind.LED_CHANGED
        : EventKind.DEVICE_CHANGED;
  }

  private static Map<String, String> previousValues(
      Map<String, String> was, Map<String, String> now) {
    Map<String, String> previous = new TreeMap<>();
    for (Map.Entry<String, String> e : was.entrySet()) {
      if (!Objects.equals(e.getValue(), now.get(e.getKey()))) {
        previous.put(e.getKey(), e.getValue());
      }
    }
    for (String key : now.keySet()) {
      if (!was.containsKey(key)) {
        previous.put(key, NO_VALUE);
      }
    }
    return previous;
  }

  private static Map<String, Device> byId(List<Device> devices) {
    Map<String, Device> map = new LinkedHashMap<>();
    devices.stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(d -> map.put(d.id(), d));
    return map;
  }
}
