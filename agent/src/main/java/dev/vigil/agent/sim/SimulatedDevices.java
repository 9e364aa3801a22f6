package dev.vigil.agent.sim;

import dev.vigil.agent.inventory.DeviceSource;
import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Made-up devices of a simulated host, one step per scan, deterministic for a given seed: USB
 * devices that come and go, a network link that flaps, AC power that is sometimes unplugged, and a
 * caps-lock LED that toggles.
 */
public final class SimulatedDevices implements DeviceSource {
  /** Chance per scan that one USB device is plugged in or out. */
  public static final double USB_CHANGE_CHANCE = 0.05;

  /** Chance per scan that the network link changes state. */
  public static final double LINK_FLAP_CHANCE = 0.02;

  /** Chance per scan that the LED toggles. */
  public static final double LED_TOGGLE_CHANCE = 0.1;

  /** Chance per scan that AC power is plugged or unplugged. */
  public static final double AC_CHANGE_CHANCE = 0.01;

  private static final Device[] USB_POOL = {
    usb("0781", "5581", "4C530001230815", "SanDisk Ultra"),
    usb("046d", "c52b", "SIMRECEIVER01", "Logitech Unifying Receiver"),
    usb("1050", "0407", "SIMYUBIKEY42", "Yubico YubiKey"),
  };

  private final Random random;
  private final String hostName;
  private final boolean[] usbPresent = new boolean[USB_POOL.length];
  private boolean linkUp = true;
  private boolean acOnline = true;
  private boolean ledOn;

  /**
   * @param seed the seed; the same seed gives the same sequence of inventories
   * @param hostName the simulated host's name, used in device serials
   */
  public SimulatedDevices(long seed, String hostName) {
    this.random = new Random(seed);
    this.hostName = hostName;
    usbPresent[0] = true;
  }

  @Override
  public String name() {
    return "simulator";
  }

  @Override
  public List<Device> devices() {
    if (random.nextDouble() < USB_CHANGE_CHANCE) {
      int i = random.nextInt(USB_POOL.length);
      usbPresent[i] = !usbPresent[i];
    }
    if (random.nextDouble() < LINK_FLAP_CHANCE) {
      linkUp = !linkUp;
    }
    if (random.nextDouble() < AC_CHANGE_CHANCE) {
      acOnline = !acOnline;
    }
    if (random.nextDouble() < LED_TOGGLE_CHANCE) {
      ledOn = !ledOn;
    }
    List<Device> out = new ArrayList<>();
    for (int i = 0; i < USB_POOL.length; i++) {
      if (usbPresent[i]) {
        out.add(USB_POOL[i]);
      }
    }
    out.add(
        new Device(
            "disk:SIM-" + hostName + "-0",
            DeviceKind.DISK,
            "Simulated NVMe SSD",
            Map.of(
                "name",
                "nvme0n1",
                "model",
                "Simulated NVMe SSD",
                "serial",
                "SIM-" + hostName + "-0",
                "sizeBytes",
                Long.toString(SimulatedSensors.DISK_TOTAL_BYTES))));
    out.add(
        new Device(
            "net:eth0",
            DeviceKind.NETWORK,
            "eth0",
            Map.of("mac", "02:00:00:00:00:01", "link", linkUp ? "up" : "down")));
    out.add(
        new Device(
            "power:AC",
            DeviceKind.POWER_SOURCE,
            "AC",
            Map.of("type", "Mains", "online", acOnline ? "1" : "0")));
    out.add(
        new Device(
            "led:input3::capslock",
            DeviceKind.LED,
            "input3::capslock",
            Map.of("brightness", ledOn ? "1" : "0", "maxBrightness", "1")));
    return out;
  }

  private static Device usb(String vid, String pid, String serial, String name) {
    return new Device(
        "usb:" + vid + ":" + pid + ":" + serial,
        DeviceKind.USB,
        name,
        Map.of("vendorId", vid, "productId", pid, "serial", serial));
  }
}
