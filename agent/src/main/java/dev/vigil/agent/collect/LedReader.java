package dev.vigil.agent.collect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads the LEDs under {@code class/leds} of a sysfs root. */
public final class LedReader {
  private final Path ledsDir;

  /**
   * @param sysfsRoot the sysfs root, normally {@code /sys}
   */
  public LedReader(Path sysfsRoot) {
    this.ledsDir = sysfsRoot.resolve("class/leds");
  }

  /** Every LED with a readable brightness, ordered by name; empty when there is none. */
  public List<Led> leds() {
    List<Led> out = new ArrayList<>();
    for (Path dir : SysfsFiles.list(ledsDir)) {
      OptionalLong brightness = SysfsFiles.number(dir.resolve("brightness"));
      if (brightness.isEmpty()) {
        continue;
      }
      long max = SysfsFiles.number(dir.resolve("max_brightness")).orElse(-1);
      out.add(new Led(dir.getFileName().toString(), brightness.getAsLong(), max, dir.toString()));
    }
    return out;
  }
}
