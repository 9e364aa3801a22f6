package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorInfo;
import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.io.IOException;
import java.util.List;

/**
 * Every hwmon channel as a sensor. The channel list is rescanned every {@link #RESCAN_INTERVAL_MS};
 * between rescans only the input files are read. A channel that fails to read is absent with the
 * error as its reason; no chip at all gives one absent {@code hwmon} sensor with the reason.
 */
public final class HwmonCollector implements Collector {
  /** How often the chip and channel list is rebuilt, in milliseconds. */
  public static final long RESCAN_INTERVAL_MS = 60_000;

  /** Id of the placeholder sensor listed when the host has no hwmon chip. */
  public static final String NO_CHIPS_ID = "hwmon";

  private final HwmonReader reader;
  private final AbsenceReasons reasons;
  private final String source;
  private List<HwmonChannel> channels;
  private long scannedAtMs;

  /**
   * @param reader reads the sysfs tree
   * @param reasons explains an empty tree
   * @param source the hwmon directory, named in the placeholder sensor
   */
  public HwmonCollector(HwmonReader reader, AbsenceReasons reasons, String source) {
    this.reader = reader;
    this.reasons = reasons;
    this.source = source;
  }

  @Override
  public String name() {
    return "hwmon";
  }

  @Override
  public void collect(Readings out) {
    long now = System.currentTimeMillis();
    if (channels == null || now - scannedAtMs >= RESCAN_INTERVAL_MS) {
      channels = reader.channels();
      scannedAtMs = now;
    }
    if (channels.isEmpty()) {
      out.absent(
          SensorInfo.absent(
              NO_CHIPS_ID,
              "hwmon",
              SensorKind.TEMPERATURE,
              SensorUnit.CELSIUS,
              source,
              reasons.noHwmonChips()));
      return;
    }
    for (HwmonChannel channel : channels) {
      try {
        out.present(channel.presentInfo(), reader.read(channel));
      } catch (IOException e) {
        out.absent(channel.absentInfo("read failed: " + e.getMessage()));
      }
    }
  }
}
