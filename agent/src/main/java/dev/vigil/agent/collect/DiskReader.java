package dev.vigil.agent.collect;

import java.util.List;

/** Reads the host's disks; one implementation per platform source. */
public interface DiskReader {
  /** Every whole disk present now, ordered by name; empty when there is none. */
  List<Disk> disks();
}
