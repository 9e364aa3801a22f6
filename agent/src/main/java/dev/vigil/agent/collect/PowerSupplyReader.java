package dev.vigil.agent.collect;

import java.util.List;

/** Reads the host's power sources; one implementation per platform source. */
public interface PowerSupplyReader {
  /** Every power source, ordered by name; empty when the host reports none. */
  List<PowerSupply> read();
}
