package dev.vigil.agent.inventory;

import dev.vigil.agent.collect.Led;
import dev.vigil.agent.collect.LedReader;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.util.ArrayList;
import java.util.List;

/** LEDs: id {@code led:<name>} (e.g. {@code led:input3::capslock}) with brightness attributes. */
public final class LedDeviceSource implements DeviceSource {
  private final LedReader reader;

  /**
   * @param reader reads {@code class/leds}
   */
  public LedDeviceSource(LedReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "led";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    for (Led led : reader.leds()) {
      out.add(
          new Device(
              "led:" + led.name(),
              DeviceKind.LED,
              led.name(),
              new Attributes()
                  .put(InventoryDiff.BRIGHTNESS, led.brightness())
                  .put("maxBrightness", led.maxBrightness() >= 0 ? led.maxBrightness() : null)
                  .build()));
    }
    return out;
  }
}
