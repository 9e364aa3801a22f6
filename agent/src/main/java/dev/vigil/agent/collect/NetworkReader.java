package dev.vigil.agent.collect;

import java.util.List;

/** Reads the host's network interfaces; one implementation per platform source. */
public interface NetworkReader {
  /** Every interface with a hardware address, loopback excluded, ordered by name. */
  List<NetInterface> interfaces();
}
