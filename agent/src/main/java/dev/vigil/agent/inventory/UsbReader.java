package dev.vigil.agent.inventory;

import java.util.List;

/** Reads the USB devices attached now (hubs included); one implementation per platform source. */
public interface UsbReader {
  /** Every USB device attached now; empty when there is none or no USB bus. */
  List<UsbDeviceInfo> devices();
}
