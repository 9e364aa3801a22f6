package dev.vigil.agent.collect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Network interfaces through OSHI, for platforms without sysfs. Each call enumerates the interfaces
 * afresh.
 */
public final class OshiNetworkReader implements NetworkReader {
  private static final String SOURCE = "oshi";

  private final HardwareAbstractionLayer hardware;

  /**
   * @param hardware the shared OSHI hardware layer
   */
  public OshiNetworkReader(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public List<NetInterface> interfaces() {
    List<NetInterface> out = new ArrayList<>();
    for (NetworkIF n : hardware.getNetworkIFs(false)) {
      out.add(
          new NetInterface(
              n.getName(),
              n.getDisplayName(),
              n.getMacaddr(),
              n.getIfOperStatus().name().toLowerCase(Locale.ROOT),
              Math.max(0, n.getSpeed()),
              n.getBytesRecv(),
              n.getBytesSent(),
              n.getTimeStamp(),
              SOURCE));
    }
    out.sort(Comparator.comparing(NetInterface::name));
    return out;
  }
}
