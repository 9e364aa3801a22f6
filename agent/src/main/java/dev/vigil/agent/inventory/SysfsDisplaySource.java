package dev.vigil.agent.inventory;

import dev.vigil.agent.collect.SysfsFiles;
import dev.vigil.protocol.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Connected displays on Linux from {@code class/drm/card*-*\/edid}: no process is started (OSHI's
 * display query runs {@code xrandr}, too costly to poll).
 */
public final class SysfsDisplaySource implements DeviceSource {
  private final Path drmDir;

  /**
   * @param sysfsRoot the sysfs root, normally {@code /sys}
   */
  public SysfsDisplaySource(Path sysfsRoot) {
    this.drmDir = sysfsRoot.resolve("class/drm");
  }

  @Override
  public String name() {
    return "display";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    for (Path connector : SysfsFiles.list(drmDir)) {
      if (!connector.getFileName().toString().contains("-")
          || !"connected".equals(SysfsFiles.text(connector.resolve("status")).orElse(""))) {
        continue;
      }
      try {
        byte[] edid = Files.readAllBytes(connector.resolve("edid"));
        if (edid.length >= EdidDevices.EDID_MIN_BYTES) {
          out.add(EdidDevices.fromEdid(edid, connector.getFileName().toString()));
        }
      } catch (IOException e) {
        // connected but no EDID readable: nothing to identify it by
      }
    }
    return out;
  }
}
