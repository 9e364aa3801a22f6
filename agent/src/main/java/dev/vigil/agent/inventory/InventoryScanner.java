package dev.vigil.agent.inventory;

import dev.vigil.protocol.Device;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the whole inventory from every source, sorted by device id. A source that fails keeps its
 * devices of the last good scan, so a failure never looks like devices being removed.
 */
public final class InventoryScanner {
  private static final Logger LOG = LoggerFactory.getLogger(InventoryScanner.class);

  private final List<DeviceSource> sources;
  private final Map<String, List<Device>> lastGood = new HashMap<>();

  /**
   * @param sources the device sources
   */
  public InventoryScanner(List<DeviceSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** Every device present now, sorted by id. */
  public List<Device> scan() {
    List<Device> all = new ArrayList<>();
    for (DeviceSource source : sources) {
      try {
        List<Device> devices = source.devices();
        lastGood.put(source.name(), devices);
        all.addAll(devices);
      } catch (RuntimeException | LinkageError e) {
        LOG.warn(
            "device source {} failed; keeping its last known devices: {}",
            source.name(),
            e.toString());
        all.addAll(lastGood.getOrDefault(source.name(), List.of()));
      }
    }
    all.sort(Comparator.comparing(Device::id));
    return all;
  }
}
