package dev.vigil.ui.host;

import dev.vigil.protocol.Device;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One device in the inventory table.
 *
 * @param kindText e.g. "usb"
 * @param name e.g. "SanDisk Ultra"
 * @param id stable device id
 * @param attributesText "key=value" pairs sorted by key
 */
public record DeviceRow(String kindText, String name, String id, String attributesText) {

  /** The row for a device. */
  public static DeviceRow of(Device device) {
    Map<String, String> sorted = new TreeMap<>(device.attributes());
    return new DeviceRow(
        device.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        device.name(),
        device.id(),
        sorted.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ")));
  }
}
