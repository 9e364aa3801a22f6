package dev.vigil.agent.inventory;

import dev.vigil.agent.collect.SysfsFiles;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Network interfaces (loopback excluded): id {@code net:<name>}, with MAC and {@code link} up or
 * down, from sysfs {@code operstate} where it exists, else OSHI's operational status.
 */
public final class NetworkDeviceSource implements DeviceSource {
  /** Attribute holding the link state: {@code up}, {@code down} or another operstate. */
  public static final String LINK = "link";

  private final HardwareAbstractionLayer hardware;
  private final Path netDir;

  /**
   * @param hardware the shared OSHI hardware layer
   * @param sysfsRoot the sysfs root, for {@code class/net/<if>/operstate}
   */
  public NetworkDeviceSource(HardwareAbstractionLayer hardware, Path sysfsRoot) {
    this.hardware = hardware;
    this.netDir = sysfsRoot.resolve("class/net");
  }

  @Override
  public String name() {
    return "network";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    for (NetworkIF n : hardware.getNetworkIFs(false)) {
      Optional<String> operstate =
          SysfsFiles.text(netDir.resolve(n.getName()).resolve("operstate"));
      String link = operstate.orElse(n.getIfOperStatus().name()).toLowerCase(Locale.ROOT);
      out.add(
          new Device(
              "net:" + n.getName(),
              DeviceKind.NETWORK,
              Attributes.firstNonBlank(n.getName(), n.getDisplayName()),
              new Attributes()
                  .put("mac", n.getMacaddr())
                  .put(LINK, link)
                  .put("speedBitsPerSecond", n.getSpeed() > 0 ? n.getSpeed() : null)
                  .build()));
    }
    return out;
  }
}
