package dev.vigil.agent.collect;

import dev.vigil.protocol.SensorKind;
import dev.vigil.protocol.SensorUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every channel of every {@code class/hwmon/hwmon*} chip under a sysfs root: temperatures
 * (millidegrees), voltages (millivolts), fans (rpm), power (microwatts) and current (milliamps),
 * with labels and limits, converted to celsius, volts, rpm, watts and amperes.
 */
public final class HwmonReader {
  private static final Pattern INPUT =
      Pattern.compile("^(temp|in|fan|power|curr)(\\d+)_(input|average)$");
  private static final String ID_PREFIX = "hwmon.";

  private final Path hwmonDir;

  /**
   * @param sysfsRoot the sysfs root, normally {@code /sys}; a fixture tree in tests
   */
  public HwmonReader(Path sysfsRoot) {
    this.hwmonDir = sysfsRoot.resolve("class/hwmon");
  }

  /** Every channel of every chip, ordered by chip then channel; empty if there is no chip. */
  public List<HwmonChannel> channels() {
    List<Chip> chips = new ArrayList<>();
    for (Path dir : SysfsFiles.list(hwmonDir)) {
      if (dir.getFileName().toString().startsWith("hwmon") && Files.isDirectory(dir)) {
        chips.add(chip(dir));
      }
    }
    Map<String, Integer> nameCounts = new HashMap<>();
    chips.forEach(c -> nameCounts.merge(c.name, 1, Integer::sum));
    chips.sort(Comparator.comparing((Chip c) -> c.name).thenComparing(c -> c.devicePath));
    List<HwmonChannel> out = new ArrayList<>();
    for (Chip chip : chips) {
      String chipId = nameCounts.get(chip.name) > 1 ? chip.name + "_" + chip.deviceTag : chip.name;
      out.addAll(channelsOf(chip, chipId));
    }
    return out;
  }

  /** The current value of a channel in its unit. */
  public double read(HwmonChannel channel) throws IOException {
    return SysfsFiles.readNumber(channel.inputFile()) / channel.scale();
  }

  private record Chip(Path dir, String name, String devicePath, String deviceTag) {}

  private static Chip chip(Path dir) {
    String name =
        SensorIds.segment(
            SysfsFiles.text(dir.resolve("name")).orElse(dir.getFileName().toString()));
    Path device = dir.resolve("device");
    String devicePath;
    String deviceTag;
    try {
      Path real = device.toRealPath();
      devicePath = real.toString();
      deviceTag = SensorIds.segment(real.getFileName().toString());
    } catch (IOException | SecurityException e) {
      devicePath = dir.toAbsolutePath().toString();
      deviceTag = SensorIds.segment(dir.getFileName().toString());
    }
    return new Chip(dir, name, devicePath, deviceTag);
  }

  private static List<HwmonChannel> channelsOf(Chip chip, String chipId) {
    Map<String, HwmonChannel> byChannel = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (Path file : SysfsFiles.list(chip.dir)) {
      Matcher m = INPUT.matcher(file.getFileName().toString());
      if (!m.matches()) {
        continue;
      }
      String type = m.group(1);
      String channel = type + m.group(2);
      boolean isInput = m.group(3).equals("input");
      if (byChannel.containsKey(channel) && !isInput) {
        continue; // power*_input wins over power*_average
      }
      Type t = Type.of(type);
      Path dir = chip.dir;
      String label = SysfsFiles.text(dir.resolve(channel + "_label")).orElse(channel);
      Double low = limit(dir, channel, t.scale, "_min", "_lcrit");
      Double high = limit(dir, channel, t.scale, "_max", "_crit");
      if (!byChannel.containsKey(channel)) {
        order.add(channel);
      }
      byChannel.put(
          channel,
          new HwmonChannel(
              ID_PREFIX + chipId + "." + channel,
              label,
              t.kind,
              t.unit,
              file,
              t.scale,
              low,
              high,
              dir.toString()));
    }
    order.sort(HwmonReader::compareChannels);
    List<HwmonChannel> out = new ArrayList<>();
    order.forEach(c -> out.add(byChannel.get(c)));
    return out;
  }

  private static Double limit(Path dir, String channel, double scale, String first, String second) {
    OptionalLong v = SysfsFiles.number(dir.resolve(channel + first));
    if (v.isEmpty()) {
      v = SysfsFiles.number(dir.resolve(channel + second));
    }
    return v.isPresent() ? v.getAsLong() / scale : null;
  }

  /** Orders {@code in2} before {@code in10}, grouping by type. */
  private static int compareChannels(String a, String b) {
    String ta = a.replaceAll("\\d+$", "");
    String tb = b.replaceAll("\\d+$", "");
    if (!ta.equals(tb)) {
      return Integer.compare(Type.of(ta).ordinal(), Type.of(tb).ordinal());
    }
    return Integer.compare(
        Integer.parseInt(a.substring(ta.length())), Integer.parseInt(b.substring(tb.length())));
  }

  /** The hwmon channel types, their kinds, units and raw scales. */
  private enum Type {
    TEMP(SensorKind.TEMPERATURE, SensorUnit.CELSIUS, 1000.0),
    IN(SensorKind.VOLTAGE, SensorUnit.VOLTS, 1000.0),
    FAN(SensorKind.FAN, SensorUnit.RPM, 1.0),
    POWER(SensorKind.POWER, SensorUnit.WATTS, 1_000_000.0),
    CURR(SensorKind.CURRENT, SensorUnit.AMPERES, 1000.0);

    final SensorKind kind;
    final SensorUnit unit;
    final double scale;

    Type(SensorKind kind, SensorUnit unit, double scale) {
      this.kind = kind;
      this.unit = unit;
      this.scale = scale;
    }

    static Type of(String prefix) {
      return valueOf(prefix.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
