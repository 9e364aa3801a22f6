package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Network throughput in bytes per second per interface (loopback excluded): {@code net.<if>.rx} and
 * {@code net.<if>.tx}. The interface list is refreshed every {@link #RESCAN_INTERVAL_MS}.
 */
public final class OshiNetworkIoCollector implements Collector {
  /** How often the list of interfaces is rebuilt, in milliseconds. */
  public static final long RESCAN_INTERVAL_MS = 30_000;

  private final HardwareAbstractionLayer hardware;
  private final RateMeter rates = new RateMeter();
  private List<NetworkIF> interfaces = List.of();
  private long scannedAtMs;

  /**
   * @param hardware the shared OSHI hardware layer
   */
  public OshiNetworkIoCollector(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public String name() {
    return "oshi.network";
  }

  @Override
  public void collect(Readings out) {
    long now = System.currentTimeMillis();
    boolean fresh = now - scannedAtMs >= RESCAN_INTERVAL_MS;
    if (fresh) {
      interfaces = hardware.getNetworkIFs(false);
      scannedAtMs = now;
    }
    Set<String> live = new HashSet<>();
    for (NetworkIF n : interfaces) {
      if (!fresh) {
        n.updateAttributes();
      }
      String base = "net." + SensorIds.segment(n.getName());
      live.add(base + ".rx");
      live.add(base + ".tx");
      out.present(
          SensorInfo.present(
              base + ".rx",
              n.getName() + " received",
              SensorKind.NETWORK_IO,
              SensorUnit.BYTES_PER_SECOND,
              "oshi"),
          rates.perSecond(base + ".rx", n.getBytesRecv(), n.getTimeStamp()));
      out.present(
          SensorInfo.present(
              base + ".tx",
              n.getName() + " sent",
              SensorKind.NETWORK_IO,
              SensorUnit.BYTES_PER_SECOND,
              "oshi"),
          rates.perSecond(base + ".tx", n.getBytesSent(), n.getTimeStamp()));
    }
    rates.retainOnly(live);
  }
}
