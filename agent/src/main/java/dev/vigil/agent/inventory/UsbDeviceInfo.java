package dev.vigil.agent.inventory;

/**
 * One USB device as the platform reports it; a field the platform did not report is null.
 *
 * @param vendorId four hex digits, e.g. {@code 0781}
 * @param productId four hex digits, e.g. {@code 5581}
 * @param name product string, e.g. {@code Ultra}
 * @param vendor manufacturer string, e.g. {@code SanDisk}
 * @param serial serial number string
 * @param port where it is attached: on Linux the device's sysfs path
 */
public record UsbDeviceInfo(
    String vendorId, String productId, String name, String vendor, String serial, String port) {}
