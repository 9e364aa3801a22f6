package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.util.HashSet;
import java.util.Set;

/**
 * Network throughput in bytes per second per interface (loopback excluded): {@code net.<if>.rx} and
 * {@code net.<if>.tx}. No value on an interface's first reading (a rate needs two) or when its
 * counters cannot be read.
 */
public final class NetworkIoCollector implements Collector {
  private final NetworkReader reader;
  private final RateMeter rates = new RateMeter();

  /**
   * @param reader reads the interfaces and their counters
   */
  public NetworkIoCollector(NetworkReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "network";
  }

  @Override
  public void collect(Readings out) {
    Set<String> live = new HashSet<>();
    for (NetInterface n : reader.interfaces()) {
      String base = "net." + SensorIds.segment(n.name());
      SensorInfo rx = info(base + ".rx", n.name() + " received", n.source());
      SensorInfo tx = info(base + ".tx", n.name() + " sent", n.source());
      if (!n.hasCounters()) {
        out.presentWithoutValue(rx);
        out.presentWithoutValue(tx);
        continue;
      }
      live.add(rx.id());
      live.add(tx.id());
      out.present(rx, rates.perSecond(rx.id(), n.rxBytes(), n.timestampMs()));
      out.present(tx, rates.perSecond(tx.id(), n.txBytes(), n.timestampMs()));
    }
    rates.retainOnly(live);
  }

  private static SensorInfo info(String id, String label, String source) {
    return SensorInfo.present(
        id, label, SensorKind.NETWORK_IO, SensorUnit.BYTES_PER_SECOND, source);
  }
}
