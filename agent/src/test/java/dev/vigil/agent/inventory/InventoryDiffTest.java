package dev.vigil.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.protocol.Device;
import dev.vigil.protocol.DeviceEvent;
import dev.vigil.protocol.DeviceKind;
import dev.vigil.protocol.EventKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hot-plug events from two inventories. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class InventoryDiffTest {
  private static final String HOST = "host-1";
  private static final long NOW = 1_700_000_000_000L;

  private static final Device STICK =
      new Device("usb:0781:5581:4C53", DeviceKind.USB, "SanDisk Ultra", Map.of("vendorId", "0781"));
  private static final Device DISK =
      new Device(
          "disk:S3Z9NB0K", DeviceKind.DISK, "Samsung SSD", Map.of("sizeBytes", "500107862016"));

  private static List<DeviceEvent> diff(List<Device> before, List<Device> after) {
    return InventoryDiff.between(before, after, HOST, NOW);
  }

  private static Device net(String link) {
    return new Device(
        "net:eth0", DeviceKind.NETWORK, "eth0", Map.of("mac", "aa:bb:cc:dd:ee:ff", "link", link));
  }

  private static Device ac(String online) {
    return new Device(
        "power:AC", DeviceKind.POWER_SOURCE, "AC", Map.of("type", "Mains", "online", online));
  }

  private static Device capslock(String brightness) {
    return new Device(
        "led:input3::capslock",
        DeviceKind.LED,
        "input3::capslock",
        Map.of("brightness", brightness, "maxBrightness", "1"));
  }

  @Test
  void pluggedDeviceBecomesAddedEvent() {
    List<DeviceEvent> events = diff(List.of(DISK), List.of(DISK, STICK));

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.DEVICE_ADDED);
              assertThat(e.device()).isEqualTo(STICK);
              assertThat(e.hostId()).isEqualTo(HOST);
              assertThat(e.timestampMs()).isEqualTo(NOW);
            });
  }

  @Test
  void unpluggedDeviceBecomesRemovedEventCarryingTheDeviceAsItWas() {
    List<DeviceEvent> events = diff(List.of(DISK, STICK), List.of(DISK));

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.DEVICE_REMOVED);
              assertThat(e.device()).isEqualTo(STICK);
            });
  }

  @Test
  void changedAttributeBecomesChangedEventWithPreviousValue() {
    Device bigger =
        new Device(
            DISK.id(),
            DeviceKind.DISK,
            DISK.name(),
            Map.of("sizeBytes", "1000204886016", "model", "X"));

    List<DeviceEvent> events = diff(List.of(DISK), List.of(bigger));

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.DEVICE_CHANGED);
              assertThat(e.previous())
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of("sizeBytes", "500107862016", "model", InventoryDiff.NO_VALUE));
            });
  }

  @Test
  void linkGoingDownAndUpBecomesChangedEvents() {
    DeviceEvent down = diff(List.of(net("up")), List.of(net("down"))).get(0);
    DeviceEvent up = diff(List.of(net("down")), List.of(net("up"))).get(0);

    assertThat(down.kind()).isEqualTo(EventKind.DEVICE_CHANGED);
    assertThat(down.device().attributes()).containsEntry("link", "down");
    assertThat(down.previous()).containsExactlyEntriesOf(Map.of("link", "up"));
    assertThat(up.device().attributes()).containsEntry("link", "up");
    assertThat(up.previous()).containsExactlyEntriesOf(Map.of("link", "down"));
  }

  @Test
  void ledTurningOnOrOffBecomesLedChangedEvent() {
    DeviceEvent on = diff(List.of(capslock("0")), List.of(capslock("1"))).get(0);
    DeviceEvent off = diff(List.of(capslock("1")), List.of(capslock("0"))).get(0);

    assertThat(on.kind()).isEqualTo(EventKind.LED_CHANGED);
    assertThat(on.previous()).containsExactlyEntriesOf(Map.of("brightness", "0"));
    assertThat(off.kind()).isEqualTo(EventKind.LED_CHANGED);
    assertThat(off.device().attributes()).containsEntry("brightness", "0");
  }

  @Test
  void acUnpluggedAndPluggedBecomeChangedEvents() {
    DeviceEvent unplugged = diff(List.of(ac("1")), List.of(ac("0"))).get(0);
    DeviceEvent plugged = diff(List.of(ac("0")), List.of(ac("1"))).get(0);

    assertThat(unplugged.kind()).isEqualTo(EventKind.DEVICE_CHANGED);
    assertThat(unplugged.previous()).containsExactlyEntriesOf(Map.of("online", "1"));
    assertThat(plugged.previous()).containsExactlyEntriesOf(Map.of("online", "0"));
  }

  @Test
  void identicalInventoriesGiveNoEvents() {
    assertThat(diff(List.of(DISK, STICK), List.of(STICK, DISK))).isEmpty();
  }
}
