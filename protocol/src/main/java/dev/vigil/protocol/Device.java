package dev.vigil.protocol;

import java.util.Map;

/**
 * One device in a host's inventory.
 *
 * @param id stable id within the host and kind, e.g. {@code usb:0781:5581:4C530001} or {@code
 *     net:eth0}
 * @param kind the kind of device
 * @param name human name, e.g. {@code SanDisk Ultra}
 * @param attributes identifying and state fields, e.g. {@code vendorId}, {@code serial}, {@code
 *     link}, {@code brightness}; empty when none
 */
public record Device(
    String id, DeviceKind kind, String name, @OptionalField Map<String, String> attributes) {
  public Device {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
