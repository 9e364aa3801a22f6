package dev.vigil.agent.inventory;

import dev.vigil.agent.collect.NetInterface;
import dev.vigil.agent.collect.NetworkReader;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.util.ArrayList;
import java.util.List;

/** Network interfaces (loopback excluded): id {@code net:<name>}, with MAC and {@code link}. */
public final class NetworkDeviceSource implements DeviceSource {
  /** Attribute holding the link state: {@code up}, {@code down} or another operstate. */
  public static final String LINK = "link";

  private final NetworkReader reader;

  /**
   * @param reader reads the interfaces
   */
  public NetworkDeviceSource(NetworkReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "network";
  }

  @Override
  public List<Device> devices() {
    List<Device> out = new ArrayList<>();
    for (NetInterface n : reader.interfaces()) {
      out.add(
          new Device(
              "net:" + n.name(),
              DeviceKind.NETWORK,
              Attributes.firstNonBlank(n.name(), n.displayName()),
              new Attributes()
                  .put("mac", n.mac())
                  .put(LINK, n.operState())
                  .put(
                      "speedBitsPerSecond",
                      n.speedBitsPerSecond() > 0 ? n.speedBitsPerSecond() : null)
                  .build()));
    }
    return out;
  }
}
