package dev.vigil.agent.inventory;

import dev.vigil.protocol.Device;
import java.util.ArrayList;
import java.util.List;
import oshi.hardware.Display;
import oshi.hardware.HardwareAbstractionLayer;

/** Displays through OSHI, for platforms without sysfs (Windows, macOS). */
public final class OshiDisplaySource implements DeviceSource {
  private final HardwareAbstractionLayer hardware;

  /**
   * @param hardware the shared OSHI hardware layer
   */
  public OshiDisplaySource(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public String name() {
    return "display";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    List<Display> displays = hardware.getDisplays();
    for (int i = 0; i < displays.size(); i++) {
      byte[] edid = displays.get(i).getEdid();
      if (edid != null && edid.length >= EdidDevices.EDID_MIN_BYTES) {
        out.add(EdidDevices.fromEdid(edid, "display" + i));
      }
    }
    return out;
  }
}
