package dev.vigil.agent.inventory;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import oshi.util.EdidUtil;

/**
 * Turns a display's EDID block into a device: id {@code display:<manufacturer>:<product>:<serial>}.
 */
final class EdidDevices {
  /** Smallest valid EDID block, in bytes. */
  static final int EDID_MIN_BYTES = 128;

  private EdidDevices() {}

  static Device fromEdid(byte[] edid, String connector) {
    String manufacturer = EdidUtil.getManufacturerID(edid);
    String product = EdidUtil.getProductID(edid);
    String serial = EdidUtil.getSerialNo(edid);
    String model = EdidUtil.getModel(edid);
    return new Device(
        "display:"
            + manufacturer
            + ":"
            + product
            + ":"
            + Attributes.firstNonBlank(connector, serial),
        DeviceKind.DISPLAY,
        Attributes.firstNonBlank(manufacturer + " " + product, model),
        new Attributes()
            .put("manufacturer", manufacturer)
            .put("productId", product)
            .put("serial", serial)
            .put("connector", connector)
            .put("resolution", EdidUtil.getPreferredResolution(edid))
            .build());
  }
}
