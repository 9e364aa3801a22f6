package dev.vigil.agent.collect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Linux network interfaces from {@code class/net} of a sysfs root: {@code address}, {@code
 * operstate}, {@code speed} (Mbit/s) and {@code statistics/rx_bytes}, {@code tx_bytes}. Every
 * interface with a non-zero hardware address is listed, whether or not it has an IP address (a
 * cable pulled or a USB adapter plugged in before DHCP still shows); loopback (all-zero address) is
 * not.
 */
public final class SysfsNetworkReader implements NetworkReader {
  private static final long BITS_PER_MEGABIT = 1_000_000L;
  private static final String UP = "up";
  private static final String ZERO_MAC = "00:00:00:00:00:00";

  private final Path netDir;

  /**
   * @param sysfsRoot the sysfs root, normally {@code /sys}
   */
  public SysfsNetworkReader(Path sysfsRoot) {
    this.netDir = sysfsRoot.resolve("class/net");
  }

  @Override
  public List<NetInterface> interfaces() {
    List<NetInterface> out = new ArrayList<>();
    for (Path dir : SysfsFiles.list(netDir)) {
      Optional<String> mac = SysfsFiles.text(dir.resolve("address"));
      if (mac.isEmpty() || mac.get().equals(ZERO_MAC)) {
        continue;
      }
      String name = dir.getFileName().toString();
      String operState =
          SysfsFiles.text(dir.resolve("operstate"))
              .map(t -> t.toLowerCase(Locale.ROOT))
              .orElse(null);
      // The kernel refuses to read the speed of a link that is not up (EINVAL): do not ask.
      long speedMbps = UP.equals(operState) ? SysfsFiles.number(dir.resolve("speed")).orElse(0) : 0;
      out.add(
          new NetInterface(
              name,
              name,
              mac.get(),
              operState,
              speedMbps > 0 ? speedMbps * BITS_PER_MEGABIT : 0,
              SysfsFiles.number(dir.resolve("statistics/rx_bytes")).orElse(-1),
              SysfsFiles.number(dir.resolve("statistics/tx_bytes")).orElse(-1),
              System.currentTimeMillis(),
              dir.toString()));
    }
    return out;
  }
}
