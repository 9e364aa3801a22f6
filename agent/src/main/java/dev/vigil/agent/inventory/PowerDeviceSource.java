package dev.vigil.agent.inventory;

import dev.vigil.agent.collect.PowerSupply;
import dev.vigil.agent.collect.PowerSupplyReader;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Power sources: id {@code power:<name>} (e.g. {@code power:AC}), with {@code online} (1 plugged, 0
 * unplugged) for mains and {@code present} for batteries.
 */
public final class PowerDeviceSource implements DeviceSource {
  private final PowerSupplyReader reader;

  /**
   * @param reader reads the power sources
   */
  public PowerDeviceSource(PowerSupplyReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "power";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    for (PowerSupply s : reader.read()) {
      out.add(
          new Device(
              "power:" + s.name(),
              DeviceKind.POWER_SOURCE,
              s.name(),
              new Attributes()
                  .put("type", s.type())
                  .put("online", Attributes.flag(s.online()))
                  .put("present", Attributes.flag(s.present()))
                  .put("status", s.status())
                  .build()));
    }
    return out;
  }
}
